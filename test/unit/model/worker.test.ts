import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelError } from '../../../electron/model/errors';
import { startModelWorker, type ModelClient } from '../../../electron/model/model-worker';
import type { TokenEvent } from '../../../electron/model/types';
import { LONG_CONTEXT, tinyModel } from './tiny-model';

let client: ModelClient;
beforeAll(async () => {
  client = await startModelWorker(await tinyModel(), { threads: 1 });
});
afterAll(async () => {
  await client.close();
});

describe('the model worker', () => {
  it('reports the model and streams tokens that add up to the answer', async () => {
    expect(client.info).toMatchObject({ layers: 2, vocabSize: 544, quantization: 'fp32', thinking: true, threads: 1 });
    const events: TokenEvent[] = [];
    const handle = client.generate({ prompt: 'The patient', maxTokens: 24, ignoreEos: true }, (e) => events.push(e));
    const result = await handle.result;
    expect(result.tokenIds).toHaveLength(24);
    expect(events.filter((e) => e.tokenId >= 0).map((e) => e.tokenId)).toEqual(result.tokenIds);
    expect(events.map((e) => e.text).join('')).toBe(result.text);
  });

  it('stops a generation when cancelled, long before its token limit, and delivers nothing after', async () => {
    let afterCancel = 0;
    let cancelled = false;
    const seen: TokenEvent[] = [];
    const handle = client.generate({ prompt: 'The patient', maxTokens: 3000, ignoreEos: true }, (event) => {
      if (cancelled) afterCancel++;
      seen.push(event);
      if (seen.length === 5) {
        handle.cancel();
        cancelled = true;
      }
    });
    const result = await handle.result;
    expect(result.finish).toBe('cancelled');
    // The caller's result is what it was shown, settled at the Stop without waiting for the worker.
    expect(result.tokenIds).toEqual(seen.map((e) => e.tokenId));
    expect(result.text).toBe(seen.map((e) => e.text).join(''));
    expect(result.promptTokens).toBeGreaterThan(0);
    await handle.finished;
    expect(afterCancel).toBe(0);
    const next = await client.generate({ prompt: 'The patient', maxTokens: 3 }).result; // the worker is free again
    expect(next.finish).not.toBe('cancelled');
  });

  it('cancels a request still waiting in the queue before it starts', async () => {
    const first = client.generate({ prompt: 'The patient', maxTokens: 50, ignoreEos: true });
    const second = client.generate({ prompt: 'The patient', maxTokens: 50, ignoreEos: true });
    second.cancel();
    expect((await first.result).finish).toBe('max-tokens');
    const result = await second.result;
    expect(result.finish).toBe('cancelled');
    expect(result.tokenIds).toHaveLength(0);
  });

  it('reuses a prefilled patient context for the next question', async () => {
    const system = { role: 'system' as const, content: `You are a careful clinical assistant.\n${LONG_CONTEXT}` };
    const warm = await client.prefill({ messages: [system] });
    expect(warm.promptTokens).toBeGreaterThan(200);
    const answer = await client.generate({ messages: [system, { role: 'user', content: 'Latest HbA1c?' }], maxTokens: 4 }).result;
    expect(answer.reusedTokens).toBeGreaterThanOrEqual(warm.promptTokens - 1);
  });

  it('answers a bad request with a ModelError and keeps serving', async () => {
    await expect(client.generate({ prompt: 'x', schema: { type: 'string', format: 'date' } }).result).rejects.toMatchObject({
      code: 'invalid-request',
      message: 'JSON Schema (root): the keyword "format" is not supported by constrained decoding',
    });
    expect((await client.generate({ prompt: 'x', maxTokens: 2 }).result).promptTokens).toBe(1);
  });

  it('refuses to start without a model, with a one-line reason', async () => {
    const error = await startModelWorker('/nonexistent/models/none').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({ code: 'missing', message: 'no model folder at /nonexistent/models/none' });
  });
});
