import { z } from 'zod';
import { readerAsDb } from '../../store/sqlite';
import { evidenceHit } from '../../api/schemas';
import { searchEvidenceHybrid } from '../../evidence';
import { defineTool } from './tool';

export const searchEvidenceTool = defineTool({
  id: 'evidence.search',
  description: 'Search the clinic\'s guideline and reference library; cite a passage by its chunkId.',
  input: z.object({ query: z.string().min(1).max(300), limit: z.number().int().min(1).max(20).optional() }).strict(),
  output: z.object({ hits: z.array(evidenceHit) }),
  sideEffect: 'read',
  roles: ['evidence', 'orchestrator', 'safety'],
  // The library's search as the app's panel and eval:evidence run it: BM25 fused with the sentence encoder's ranking where the context
  // has an encoder and the library is embedded, BM25 alone otherwise. A model reads the passage as text: the UI's highlight marks
  // (\u0002, \u0003) would be noise in its context and in any quote it makes.
  run: async (input, { db, embedder }) => {
    const hits = await searchEvidenceHybrid(readerAsDb(db), embedder ? await embedder() : null, input.query, input.limit ?? 5);
    return { hits: hits.map((hit) => ({ ...hit, snippet: hit.snippet.split('\u0002').join('').split('\u0003').join('') })) };
  },
});
