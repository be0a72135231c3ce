/**
 * Real trained weights through the llama.cpp engine: Karpathy's stories260K
 * (../shared/models, MIT), added as a GGUF model and run in the model worker,
 * against node-llama-cpp called directly. Greedy tokens must be equal, and
 * the text llama.cpp gives for the README's prompt must come out word for word.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLlama, type LlamaModel } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addModel, startModelWorker, type ModelClient } from '../../../electron/model';

const STORIES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/models/stories260K/stories260K.gguf');
const PROMPTS = ['Once upon a time', 'Tom and his dog went to the park', 'The sun was hot. Lily wanted', 'One day, a little bird', 'Mom said, "Do not touch the'];

let models: string;
let client: ModelClient;
let direct: LlamaModel;

beforeAll(async () => {
  models = mkdtempSync(join(tmpdir(), 'continuum gguf '));
  copyFileSync(STORIES, join(models, 'stories260K.gguf'));
  await addModel(join(models, 'stories260K.gguf'), { check: async (d) => (await startModelWorker(d, { threads: 1 })).close() });
  client = await startModelWorker(join(models, 'stories260K'), { threads: 1 });
  const llama = await getLlama({ gpu: false, build: 'never', skipDownload: true, progressLogs: false });
  direct = await llama.loadModel({ modelPath: STORIES });
}, 120_000);

afterAll(async () => {
  await client?.close();
  await direct?.dispose();
  rmSync(models, { recursive: true, force: true });
});

/**
 * Greedy tokens from node-llama-cpp called directly: BOS and the prompt as
 * llama.cpp's own tools tokenize it (common_tokenize: SentencePiece's leading
 * space kept, so "Tom" is "▁T" "om"), evaluated by its context sequence.
 * (Its LlamaCompletion class trims that leading space after a BOS, which
 * llama.cpp's tools do not, so its tokens are another prompt's.)
 */
async function directTokens(prompt: string, maxTokens: number): Promise<number[]> {
  const context = await direct.createContext({ contextSize: 256, threads: 1 });
  try {
    const tokens: number[] = [];
    const input = [direct.tokens.bos!, ...direct.tokenize(prompt, true)];
    for await (const token of context.getSequence().evaluate(input, { temperature: 0 })) {
      tokens.push(token);
      if (tokens.length === maxTokens) break;
    }
    return tokens;
  } finally {
    await context.dispose();
  }
}

describe('stories260K (real weights) through the llama.cpp engine', () => {
  it('is added as a GGUF model with what its header says', () => {
    expect(client.info).toMatchObject({ engine: 'llama.cpp', file: 'stories260K.gguf', quantization: 'F32', layers: 5, vocabSize: 512, bytes: 1_185_376, threads: 1 });
  });

  it('continues the README prompt as llama.cpp does, word for word', async () => {
    const result = await client.generate({ prompt: 'Once upon a time', maxTokens: 48 }).result;
    expect(result.text).toMatch(/^, there was a little girl named Lily\. She loved to play outside in the park\. One day, she saw a big, red ball\./);
    // The tokenizer agrees: BOS, then the prompt's four tokens as llama.cpp reads them.
    expect(result.promptTokens).toBe(1 + direct.tokenize('Once upon a time').length);
  });

  it('gives the greedy tokens node-llama-cpp gives, 5 prompts x 64 tokens, streamed as they come', async () => {
    for (const prompt of PROMPTS) {
      const streamed: number[] = [];
      const result = await client.generate({ prompt, maxTokens: 64, reusePrefix: false }, (e) => e.tokenId >= 0 && streamed.push(e.tokenId)).result;
      const expected = await directTokens(prompt, 64);
      expect(result.tokenIds, prompt).toEqual(expected);
      expect(streamed).toEqual(result.tokenIds);
      expect(result.text).toBe(direct.detokenize(expected as never));
    }
  }, 120_000);

  it('gives the same tokens when the prompt prefix is reused from the last request', async () => {
    const first = await client.generate({ prompt: PROMPTS[1]!, maxTokens: 24, reusePrefix: false }).result;
    const again = await client.generate({ prompt: PROMPTS[1]!, maxTokens: 24 }).result;
    expect(again.reusedTokens).toBe(again.promptTokens - 1);
    expect(again.tokenIds).toEqual(first.tokenIds);
  });

  it('samples reproducibly from a seed and answers to a JSON schema', async () => {
    const a = await client.generate({ prompt: 'Once upon a time', maxTokens: 24, temperature: 0.9, seed: 7 }).result;
    const b = await client.generate({ prompt: 'Once upon a time', maxTokens: 24, temperature: 0.9, seed: 7 }).result;
    expect(b.tokenIds).toEqual(a.tokenIds);
    const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
    const json = await client.generate({ prompt: 'Lily had a dog', maxTokens: 48, schema }).result;
    expect(json.finish).toBe('complete');
    expect(JSON.parse(json.text)).toEqual({ name: expect.any(String) });
  });

  it('stops at once when cancelled and serves the next request', async () => {
    let seen = 0;
    const handle: ReturnType<ModelClient['generate']> = client.generate({ prompt: 'Once upon a time', maxTokens: 1500, ignoreEos: true }, () => {
      if (++seen === 5) handle.cancel();
    });
    const result = await handle.result;
    expect(result.finish).toBe('cancelled');
    expect(result.tokenIds.length).toBeLessThan(1500);
    await handle.finished;
    const next = await client.generate({ prompt: 'Once upon a time', maxTokens: 8 }).result;
    expect(next.finish).toBe('max-tokens');
  });
});
