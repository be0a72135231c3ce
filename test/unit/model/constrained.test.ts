import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { shortestCompletion } from '../../../electron/model/constrained/completion';
import { feedText, initialState, isDone } from '../../../electron/model/constrained/matcher';
import { compileSchema, conforms } from '../../../electron/model/constrained/schema';
import { JsonConstraint } from '../../../electron/model/constrained/json-constraint';
import { generate } from '../../../electron/model/generate';
import { loadModel, type LoadedModel } from '../../../electron/model/loaded-model';
import { schemaArbitrary, valueArbitrary } from './schema-arbitraries';
import { tinyModel } from './tiny-model';

let model: LoadedModel;
beforeAll(async () => {
  model = await loadModel(await tinyModel());
});

const MEDICATION = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    dose: { type: 'number' },
    unit: { enum: ['mg', 'g', 'mL'] },
    active: { type: 'boolean' },
    days: { type: 'array', items: { type: 'integer' } },
  },
  required: ['name', 'dose', 'unit'],
};

describe('the JSON matcher', () => {
  it('accepts every conforming document, compact or with single spaces, and nothing after it', () => {
    fc.assert(
      fc.property(schemaArbitrary().chain((schema) => fc.tuple(fc.constant(schema), valueArbitrary(schema))), ([schema, value]) => {
        const node = compileSchema(schema);
        for (const text of [JSON.stringify(value), JSON.stringify(value).replace(/([,:])(?=["\d[{tfn-])/g, '$1 ')]) {
          const state = feedText(initialState(node), text);
          // A top-level number may go on; one that ends the document is done once a non-digit is ruled out.
          expect(state, text).not.toBeNull();
          if (!['number', 'integer'].includes(String(schema.type)) && !Array.isArray(schema.enum)) expect(isDone(state!)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('completes any prefix of a conforming document into a conforming document', () => {
    fc.assert(
      fc.property(schemaArbitrary().chain((schema) => fc.tuple(fc.constant(schema), valueArbitrary(schema))), fc.nat(), ([schema, value], cut) => {
        const node = compileSchema(schema);
        const text = JSON.stringify(value);
        const prefix = text.slice(0, cut % (text.length + 1));
        const state = feedText(initialState(node), prefix);
        if (!state) return; // a cut inside a \u escape or a surrogate pair can be unwritable here
        const completed = prefix + shortestCompletion(state);
        expect(conforms(JSON.parse(completed), node), completed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what the schema does not allow', () => {
    const node = compileSchema(MEDICATION);
    for (const bad of ['{"name":"x","dose":1}', '{"dose":1,"dose":2', '{"unit":"kg"', '{"name":1', '{"other":', '{"days":[1.5', '{"name":"x"} ', '{ "name"', '{"dose":01']) {
      const state = feedText(initialState(node), bad);
      expect(state === null || !isDone(state), bad).toBe(true);
    }
  });

  it('refuses schemas outside the subset with a clear message', () => {
    expect(() => compileSchema({ type: 'string', pattern: '^a' })).toThrow(/"pattern" is not supported/);
    expect(() => compileSchema({ type: ['string', 'null'] })).toThrow(/not supported/);
    expect(() => compileSchema({ type: 'object', properties: {}, required: ['x'] })).toThrow(/required property "x"/);
  });
});

describe('constrained decoding on the tiny decoder', () => {
  it('always produces JSON that parses and conforms to its schema', async () => {
    await fc.assert(
      fc.asyncProperty(schemaArbitrary(), fc.nat(1000), fc.constantFrom(0, 0.7, 1.5), fc.nat(40), async (schema, seed, temperature, slack) => {
        const node = compileSchema(schema);
        const minTokens = new JsonConstraint(node, model.constraintVocabulary()).minTokens();
        const result = await generate(model, {
          messages: [{ role: 'user', content: `Answer in JSON: ${JSON.stringify(schema)}` }],
          schema,
          seed,
          temperature,
          maxTokens: minTokens + slack,
        });
        expect(['complete', 'eos']).toContain(result.finish);
        expect(result.tokenIds.length).toBeLessThanOrEqual(minTokens + slack);
        expect(conforms(JSON.parse(result.text), node), result.text).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('finishes the document within a tight token limit', async () => {
    const minTokens = new JsonConstraint(compileSchema(MEDICATION), model.constraintVocabulary()).minTokens();
    const result = await generate(model, { prompt: 'Medication:', schema: MEDICATION, maxTokens: minTokens, temperature: 1, seed: 5 });
    expect(conforms(JSON.parse(result.text), compileSchema(MEDICATION))).toBe(true);
    await expect(generate(model, { prompt: 'Medication:', schema: MEDICATION, maxTokens: minTokens - 1 })).rejects.toThrow(/shortest answer to this schema/);
  });
});
