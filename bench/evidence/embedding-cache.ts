import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TextEmbedder } from '../../electron/evidence/embedder';

/**
 * An embedder that remembers its vectors in a file (by model and SHA-256
 * of the text), so that eval:evidence embeds the starter library once per
 * machine and version rather than on every run: minutes of CPU on two busy
 * cores. The file is generated (gitignored .cache/), never shipped.
 */
export function cachedEmbedder(inner: TextEmbedder, file: string): TextEmbedder & { readonly misses: number; save(): void } {
  const held = new Map<string, string>(existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : []);
  const key = (text: string) => createHash('sha256').update(inner.model).update('\u0000').update(text).digest('hex');
  let misses = 0;
  return {
    model: inner.model,
    dimensions: inner.dimensions,
    get misses() {
      return misses;
    },
    async embed(texts) {
      const keys = texts.map(key);
      const todo = [...new Set(keys.filter((k) => !held.has(k)))];
      if (todo.length > 0) {
        const textOf = new Map(keys.map((k, i) => [k, texts[i]!]));
        const vectors = await inner.embed(todo.map((k) => textOf.get(k)!));
        todo.forEach((k, i) => held.set(k, Buffer.from(vectors[i]!.buffer, vectors[i]!.byteOffset, vectors[i]!.byteLength).toString('base64')));
        misses += todo.length;
      }
      return keys.map((k) => {
        const bytes = Buffer.from(held.get(k)!, 'base64');
        return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      });
    },
    save() {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(Object.fromEntries(held)));
    },
  };
}
