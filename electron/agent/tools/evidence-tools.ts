import { z } from 'zod';
import { evidenceHit } from '../../api/schemas';
import { searchEvidence } from '../../evidence';
import { defineTool } from './tool';

export const searchEvidenceTool = defineTool({
  id: 'evidence.search',
  description: 'Search the clinic\'s guideline and reference library; cite a passage by its chunkId.',
  input: z.object({ query: z.string().min(1).max(300), limit: z.number().int().min(1).max(20).optional() }).strict(),
  output: z.object({ hits: z.array(evidenceHit) }),
  sideEffect: 'read',
  roles: ['evidence', 'orchestrator', 'safety'],
  run: (input, { vault }) => ({ hits: searchEvidence(vault.db, input.query, input.limit ?? 5) }),
});
