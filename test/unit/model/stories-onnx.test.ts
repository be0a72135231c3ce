/**
 * Real trained weights through the ONNX engine: stories260K's GGUF file
 * (../shared/models, MIT) converted by scripts/models/gguf-to-onnx.ts into
 * the decoder graph the ONNX engine runs (Llama architecture, rotary rows
 * un-permuted, SentencePiece vocabulary as tokenizer.json). The first check
 * of the ONNX decoder graph against trained weights: its greedy tokens must
 * equal the llama.cpp engine's and node-llama-cpp's called directly.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLlama, type LlamaModel } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addModel, startModelWorker, type ModelClient } from '../../../electron/model';
import { ModelTokenizer } from '../../../electron/model/tokenizer';
import { convertGgufToOnnx, unpermuteRow } from '../../../scripts/models/gguf-to-onnx';

const STORIES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/models/stories260K/stories260K.gguf');
const PROMPTS = ['Once upon a time', 'Tom and his dog went to the park', 'The sun was hot. Lily wanted', 'One day, a little bird', 'Mom said, "Do not touch the'];

let dir: string;
let onnx: ModelClient;
let llamaEngine: ModelClient;
let direct: LlamaModel;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuum stories '));
  const manifest = await convertGgufToOnnx({ gguf: STORIES, out: join(dir, 'onnx') });
  expect(manifest).toMatchObject({ onnx: 'onnx/model.onnx', quantization: 'fp32' });
  copyFileSync(STORIES, join(dir, 'stories260K.gguf'));
  await addModel(join(dir, 'stories260K.gguf'), { check: async (d) => (await startModelWorker(d, { threads: 1 })).close() });
  onnx = await startModelWorker(join(dir, 'onnx'), { threads: 1 });
  llamaEngine = await startModelWorker(join(dir, 'stories260K'), { threads: 1 });
  const llama = await getLlama({ gpu: false, build: 'never', skipDownload: true, progressLogs: false });
  direct = await llama.loadModel({ modelPath: STORIES });
}, 120_000);

afterAll(async () => {
  await onnx?.close();
  await llamaEngine?.close();
  await direct?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Greedy tokens from node-llama-cpp called directly, the prompt as llama.cpp's tools tokenize it (see gguf-stories.test.ts). */
async function directTokens(prompt: string, maxTokens: number): Promise<number[]> {
  const context = await direct.createContext({ contextSize: 256, threads: 1 });
  try {
    const tokens: number[] = [];
    for await (const token of context.getSequence().evaluate([direct.tokens.bos!, ...direct.tokenize(prompt, true)], { temperature: 0 })) {
      tokens.push(token);
      if (tokens.length === maxTokens) break;
    }
    return tokens;
  } finally {
    await context.dispose();
  }
}

describe('stories260K converted from GGUF to ONNX', () => {
  it('tokenizes as llama.cpp does (SentencePiece merges by score, byte fallback, the leading space, BOS)', () => {
    const tokenizer = ModelTokenizer.load(join(dir, 'onnx'));
    const texts = [...PROMPTS, 'Ünïcödé 日本 ok\n\n  two  spaces 12345', ' leading space', 'tabs\tand "quotes" (x) 3.14!'];
    for (const text of texts) expect(tokenizer.encodePrompt(text), text).toEqual([direct.tokens.bos, ...direct.tokenize(text, true)]);
    // A template that writes BOS itself does not get a second one.
    expect(tokenizer.encodePrompt('<s>Once upon a time')).toEqual(tokenizer.encodePrompt('Once upon a time'));
  });

  it('un-permutes the rotary rows: GGUF row h*d + 2i + j is HF row h*d + j*d/2 + i', () => {
    const fromGguf = unpermuteRow(8);
    expect(Array.from({ length: 16 }, (_, r) => fromGguf(r))).toEqual([0, 2, 4, 6, 1, 3, 5, 7, 8, 10, 12, 14, 9, 11, 13, 15]);
  });

  it('gives the greedy tokens of the llama.cpp engine and of node-llama-cpp called directly, 5 prompts x 64 tokens', async () => {
    for (const prompt of PROMPTS) {
      const request = { prompt, maxTokens: 64, reusePrefix: false } as const;
      const streamed: number[] = [];
      const ours = await onnx.generate(request, (e) => e.tokenId >= 0 && streamed.push(e.tokenId)).result;
      const theirs = await llamaEngine.generate(request).result;
      const expected = await directTokens(prompt, 64);
      expect(ours.promptTokens, prompt).toBe(theirs.promptTokens);
      expect(ours.tokenIds, prompt).toEqual(expected);
      expect(theirs.tokenIds, prompt).toEqual(expected);
      expect(streamed).toEqual(ours.tokenIds);
      expect(ours.text, prompt).toBe(direct.detokenize(expected as never));
    }
  }, 120_000);

  it('continues a chat (no template in the file: the messages as written) as the llama.cpp engine does, and reuses the prefix', async () => {
    const messages = [
      { role: 'user', content: 'Once upon a time, there was a dog.' },
      { role: 'user', content: 'The dog' },
    ] as const;
    const ours = await onnx.generate({ messages, maxTokens: 32 }).result;
    const theirs = await llamaEngine.generate({ messages, maxTokens: 32 }).result;
    expect(ours.promptTokens).toBe(theirs.promptTokens);
    expect(ours.tokenIds).toEqual(theirs.tokenIds);
    const again = await onnx.generate({ messages, maxTokens: 32 }).result;
    expect(again.reusedTokens).toBeGreaterThan(0);
    expect(again.tokenIds).toEqual(ours.tokenIds);
  }, 60_000);
});
