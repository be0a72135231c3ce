/**
 * Draft tokens (draft-tokens.ts): the guesses, the policy that sizes and
 * pauses them, and the promise that matters: a generation gives the same
 * tokens with drafts as without, only in fewer passes.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DraftPolicy, lookupDraft, MAX_DRAFT, MAX_PAUSE } from '../../../electron/model/draft-tokens';
import { generate } from '../../../electron/model/generate';
import { loadModel, type LoadedModel } from '../../../electron/model/loaded-model';
import type { GenerateRequest } from '../../../electron/model/types';
import { LONG_CONTEXT, tinyModel } from './tiny-model';

describe('lookupDraft', () => {
  it('copies what followed the longest earlier match of the last tokens, the most recent one first', () => {
    expect(lookupDraft([1, 2, 3, 9, 1, 2], 3)).toEqual([3, 9, 1]);
    // "5 2" occurred at the start; "2" alone more recently (before 8): the longer match wins.
    expect(lookupDraft([5, 2, 7, 1, 2, 8, 5, 2], 3)).toEqual([7, 1, 2]);
    expect(lookupDraft([1, 4, 1, 5, 1], 2)).toEqual([5, 1]);
  });

  it('goes on with its own guesses where the copy reaches the end (repeating text)', () => {
    expect(lookupDraft([7, 3, 3], 4)).toEqual([3, 3, 3, 3]);
    expect(lookupDraft([9, 4, 6, 4, 6], 5)).toEqual([4, 6, 4, 6, 4]);
  });

  it('guesses nothing when the last token never occurred before, or none is asked for', () => {
    expect(lookupDraft([1, 2, 3], 4)).toEqual([]);
    expect(lookupDraft([], 4)).toEqual([]);
    expect(lookupDraft([1, 1], 0)).toEqual([]);
  });

  it('gives exactly the tokens asked for whenever the last token occurred before, else none', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (history, count) => {
        const draft = lookupDraft(history, count);
        const seenBefore = history.slice(0, -1).includes(history[history.length - 1]!);
        expect(draft.length).toBe(seenBefore ? count : 0);
      }),
    );
  });
});

describe('DraftPolicy', () => {
  it('grows drafts that are kept whole (up to the maximum) and shrinks those cut short', () => {
    const policy = new DraftPolicy();
    const sizes = [policy.next()];
    for (let i = 0; i < 4; i++) {
      policy.record(sizes[sizes.length - 1]!, sizes[sizes.length - 1]!);
      sizes.push(policy.next());
    }
    expect(sizes).toEqual([2, 4, 6, MAX_DRAFT, MAX_DRAFT]);
    policy.record(MAX_DRAFT, 2);
    expect(policy.next()).toBe(MAX_DRAFT - 1);
  });

  it('pauses after drafts of which nothing was kept, longer after each, until one is kept', () => {
    const policy = new DraftPolicy();
    const pauses: number[] = [];
    for (let miss = 0; miss < 7; miss++) {
      policy.record(1, 0);
      let paused = 0;
      while (policy.next() === 0) paused++;
      pauses.push(paused);
    }
    expect(pauses).toEqual([1, 2, 4, 8, MAX_PAUSE, MAX_PAUSE, MAX_PAUSE]);
    policy.record(1, 1); // kept: drafting goes on at once, and the next miss pauses for one pass again
    expect(policy.next()).toBeGreaterThan(0);
    policy.record(3, 0);
    expect([policy.next(), policy.next() > 0]).toEqual([0, true]);
  });
});

describe('generation with draft tokens', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadModel(await tinyModel());
  });

  const prompts = ['The patient', `${LONG_CONTEXT}\nSummary of the visits:`, 'metformin 500 mg metformin 500 mg metformin'];

  async function both(request: GenerateRequest) {
    const plain = await generate(model, { ...request, draftTokens: false, reusePrefix: false });
    const drafted = await generate(model, { ...request, draftTokens: true, reusePrefix: false });
    return { plain, drafted };
  }

  it('gives the same tokens as one pass per token, greedy and sampled, in fewer passes', async () => {
    let kept = 0;
    for (const prompt of prompts) {
      for (const sampling of [{ temperature: 0 }, { temperature: 0.8, topP: 0.9, seed: 5 }, { temperature: 1.2, seed: 11 }]) {
        const { plain, drafted } = await both({ prompt, maxTokens: 48, ignoreEos: true, ...sampling });
        expect(drafted.tokenIds, `${prompt.slice(0, 20)} ${JSON.stringify(sampling)}`).toEqual(plain.tokenIds);
        expect(plain.decode).toEqual({ passes: 47, drafted: 0, kept: 0 });
        // Each token after the first took a pass or was a kept draft.
        expect(drafted.decode!.passes + drafted.decode!.kept).toBe(47);
        kept += drafted.decode!.kept;
      }
    }
    expect(kept).toBeGreaterThan(10); // the drafts were exercised, not only skipped
  });

  it('gives the same constrained answer and the same reasoning budget with drafts', async () => {
    const schema = { type: 'object', properties: { drug: { enum: ['metformin', 'insulin glargine'] }, note: { type: 'string' }, doses: { type: 'array', items: { type: 'integer' } } }, required: ['drug', 'doses'] };
    const constrained = await both({ prompt: 'metformin metformin {"drug":', maxTokens: 60, schema, temperature: 0.7, seed: 2 });
    expect(constrained.drafted.tokenIds).toEqual(constrained.plain.tokenIds);
    expect(() => JSON.parse(constrained.drafted.text) as unknown).not.toThrow();
    const thinking = await both({
      messages: [{ role: 'user', content: 'Is the blood pressure controlled? controlled controlled' }],
      maxTokens: 60,
      temperature: 0,
      ignoreEos: true,
      thinking: { enabled: true, budget: 12 },
    });
    expect(thinking.drafted.tokenIds).toEqual(thinking.plain.tokenIds);
    expect(thinking.drafted.thinkingTokens).toBe(12);
  });

  it('keeps in the prefix cache only the state of tokens that were chosen, not of drafts that were not', async () => {
    const prompt = 'metformin 500 mg metformin 500 mg metformin';
    const promptIds = model.tokenizer.encode(prompt);
    let refusing = 0; // runs in which some draft was refused
    // A generation that ends early (here a Stop; also a stop sequence, end of sequence, a deadline) may end with
    // drafts in its state that were never chosen; runs stopped after different counts end at different points of a draft.
    for (const temperature of [0, 0.3]) {
      for (let stopAfter = 12; stopAfter <= 40; stopAfter++) {
        model.prefixCache.clear();
        let seen = 0;
        const hooks = { onToken: () => seen++, shouldStop: () => seen >= stopAfter };
        const result = await generate(model, { prompt, maxTokens: 60, temperature, seed: 1, ignoreEos: true, reusePrefix: false }, hooks);
        expect(result.finish).toBe('cancelled');
        if (result.decode!.drafted > result.decode!.kept) refusing++;
        const tokens = [...promptIds, ...result.tokenIds];
        // As a next turn would look it up: the answer followed by more text (a lookup leaves its last token to run).
        const hit = model.prefixCache.lookup([...tokens, 0])!;
        expect(hit.reused).toBeGreaterThanOrEqual(tokens.length - 1);
        const cold = await model.session.forward(tokens.slice(0, hit.kv.length), model.session.emptyKv());
        const [stored, fresh] = await Promise.all([model.session.readKv(hit.kv), model.session.readKv(cold.kv)]);
        for (const [name, tensor] of Object.entries(fresh)) {
          expect(stored[name]!.dims).toEqual(tensor.dims);
          let diff = 0;
          for (let i = 0; i < tensor.data.length; i++) diff = Math.max(diff, Math.abs(tensor.data[i]! - stored[name]!.data[i]!));
          expect(diff, `temperature ${temperature}, stopped after ${stopAfter} tokens, ${name}`).toBeLessThan(1e-4);
        }
        hit.kv.release();
        cold.kv.release();
      }
    }
    expect(refusing).toBeGreaterThan(10);
  });
});
