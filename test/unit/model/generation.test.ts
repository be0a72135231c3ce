import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../electron/model/generate';
import { loadModel, type LoadedModel } from '../../../electron/model/loaded-model';
import { LONG_CONTEXT, tinyModel } from './tiny-model';

let model: LoadedModel;
beforeAll(async () => {
  model = await loadModel(await tinyModel());
});

const question = (content: string) => [
  { role: 'system' as const, content: `You are a careful clinical assistant.\n${LONG_CONTEXT}` },
  { role: 'user' as const, content },
];

function argmax(logits: Float32Array, below: number): number {
  let best = 0;
  for (let i = 1; i < below; i++) if (logits[i]! > logits[best]!) best = i;
  return best;
}

describe('generation on the tiny decoder', () => {
  it('gives the same tokens for the same seed, and other tokens for another seed', async () => {
    const request = { messages: question('What is the latest HbA1c?'), maxTokens: 40, temperature: 0.9, topP: 0.95, ignoreEos: true };
    const a = await generate(model, { ...request, seed: 7, reusePrefix: false });
    const b = await generate(model, { ...request, seed: 7 });
    const c = await generate(model, { ...request, seed: 8 });
    expect(a.tokenIds).toHaveLength(40);
    expect(b.tokenIds).toEqual(a.tokenIds);
    expect(c.tokenIds).not.toEqual(a.tokenIds);
  });

  it('decodes greedily with the KV cache exactly as a reference that reruns the whole sequence each step', async () => {
    const prompt = model.tokenizer.renderChat(question('Summarise the visits.'));
    const promptIds = model.tokenizer.encode(prompt);
    expect(promptIds.length).toBeGreaterThan(300); // prefill runs in several chunks (sizes from prefill-chunks.ts)
    const steps = 24;
    const cached = await generate(model, { prompt, maxTokens: steps, temperature: 0, ignoreEos: true, reusePrefix: false });

    const reference: number[] = [];
    const eos = new Set(model.defaults.eosIds);
    for (let step = 0; step < steps; step++) {
      const { logits } = await model.session.forward([...promptIds, ...reference], model.session.emptyKv());
      let id = argmax(logits, model.tokenizer.size);
      if (eos.has(id)) {
        logits[id] = Number.NEGATIVE_INFINITY; // the request ignores end-of-sequence
        id = argmax(logits, model.tokenizer.size);
      }
      reference.push(id);
    }
    expect(cached.tokenIds).toEqual(reference);
  });

  it('reuses the KV state of a shared prefix and still gives the same tokens', async () => {
    const request = { messages: question('List the medications.'), maxTokens: 16, temperature: 0, ignoreEos: true };
    const cold = await generate(model, { ...request, reusePrefix: false });
    await generate(model, { messages: question('Any allergies?'), maxTokens: 4 }); // warms the shared system prompt
    const warm = await generate(model, request);
    expect(warm.reusedTokens).toBeGreaterThan(cold.promptTokens / 2);
    expect(warm.tokenIds).toEqual(cold.tokenIds);
  });

  it('ends at a stop sequence without showing it, and at the token limit', async () => {
    const free = await generate(model, { prompt: 'The patient', maxTokens: 30, temperature: 0, ignoreEos: true, reusePrefix: false });
    const cut = free.text.slice(6, 9);
    const stopped = await generate(model, { prompt: 'The patient', maxTokens: 30, temperature: 0, ignoreEos: true, stop: [cut] });
    expect(stopped.finish).toBe('stop');
    expect(stopped.text).toBe(free.text.slice(0, free.text.indexOf(cut)));
    expect(free.finish).toBe('max-tokens');
  });

  it('ends a runaway generation at its deadline', async () => {
    const result = await generate(model, { prompt: 'The patient', maxTokens: 3000, ignoreEos: true, deadlineMs: 50 });
    expect(result.finish).toBe('deadline');
    expect(result.tokenIds.length).toBeLessThan(3000);
  });

  it('stops when asked between decode steps', async () => {
    let tokens = 0;
    const result = await generate(model, { prompt: 'The patient', maxTokens: 500, ignoreEos: true }, { onToken: () => tokens++, shouldStop: () => tokens >= 10 });
    expect(result.finish).toBe('cancelled');
    expect(result.tokenIds.length).toBe(10);
  });

  it('holds reasoning to its budget, then makes the model answer', async () => {
    const result = await generate(model, {
      messages: question('Is the blood pressure controlled?'),
      maxTokens: 60,
      temperature: 0.8,
      seed: 3,
      ignoreEos: true,
      thinking: { enabled: true, budget: 12 },
    });
    expect(result.thinkingTokens).toBe(12);
    expect(result.thinking.length).toBeGreaterThan(0);
    const closeId = model.tokenizer.idOf('</think>')!;
    expect(result.tokenIds.indexOf(closeId)).toBe(13); // 12 thoughts, the forced newline, the closing tag
    expect(result.text.length).toBeGreaterThan(0);
  });

  it('refuses a prompt that does not fit the context', async () => {
    await expect(generate(model, { prompt: 'x', maxTokens: 10_000 })).rejects.toThrow(/beyond the model's context of 4096/);
  });
});
