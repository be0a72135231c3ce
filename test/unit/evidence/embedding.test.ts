import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { embedEvidence, importEvidence, passageParts, searchEvidence, searchEvidenceHybrid, sentenceEncoder, type EvidenceMeta, type TextEmbedder } from '../../../electron/evidence';
import { PART_CHARS } from '../../../electron/evidence/embed-chunks';
import { unitVector } from '../../../electron/evidence/embedder';
import { nearestPassages } from '../../../electron/evidence/nearest-passages';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault } from '../../helpers/temp-vault';
import { defaultToolRegistry, ProposalStore, type ToolContext } from '../../../electron/agent/tools';

const meta: EvidenceMeta = { title: 'Windmill fever', issuer: 'Continuum test team', published: '2026-01-15', licence: 'test material', tier: 'guideline' };

/** A fixed embedder for the plumbing: one dimension per concept, with "NaCl" and "sodium" the same concept (what a real encoder learns). */
const CONCEPTS = [/\b(nacl|sodium)\b/i, /\bwindmill\b/i, /\bfever\b/i, /\bstorage\b/i, /\bdose\b/i];
function conceptEmbedder(calls: string[][] = []): TextEmbedder {
  return {
    model: 'test-concepts@1',
    dimensions: CONCEPTS.length,
    embed: async (texts) => {
      calls.push([...texts]);
      return texts.map((t) => unitVector(CONCEPTS.map((c) => (c.test(t) ? 1 : 0))));
    },
  };
}

const DOC = [
  '# Windmill fever',
  '',
  '## Diet',
  '',
  'Limit sodium to 2 grams a day in windmill fever.',
  '',
  '## Storage',
  '',
  'Keep tablets below 25 degrees. Storage in a dry place.',
  '',
  '## Dosing',
  '',
  'The windmill fever dose is 4 mg at night.',
].join('\n');

let vault: Vault;
beforeEach(async () => {
  vault = createTestVault();
  await importEvidence(vault, 'windmill.md', new TextEncoder().encode(DOC), meta);
});
afterEach(() => vault.close());

describe('passage embeddings', () => {
  it('embeds every passage once, in parts of whole sentences, and stores the vectors with their model', async () => {
    const calls: string[][] = [];
    const first = await embedEvidence(vault, conceptEmbedder(calls));
    const passages = vault.db.prepare(`SELECT count(*) FROM evidence_chunks`).pluck().get() as number;
    expect(first.embedded).toBe(passages);
    const rows = vault.db.prepare(`SELECT model, length(vectors) AS bytes FROM evidence_vectors`).all() as Array<{ model: string; bytes: number }>;
    expect(rows).toHaveLength(passages);
    expect(rows.every((r) => r.model === 'test-concepts@1' && r.bytes > 0 && r.bytes % (4 * CONCEPTS.length) === 0)).toBe(true);
    expect(calls.flat()).toContain('Keep tablets below 25 degrees. Storage in a dry place.');
    expect((await embedEvidence(vault, conceptEmbedder(calls))).embedded).toBe(0);
  });

  it('stops between batches when told to, and a later call finishes the rest', async () => {
    let asked = 0;
    expect((await embedEvidence(vault, conceptEmbedder(), () => asked++ < 1)).embedded).toBe(0);
    expect(vault.db.prepare(`SELECT count(*) FROM evidence_vectors`).pluck().get()).toBe(0);
    await embedEvidence(vault, conceptEmbedder());
    expect(vault.db.prepare(`SELECT count(*) FROM evidence_vectors`).pluck().get()).toBe(vault.db.prepare(`SELECT count(*) FROM evidence_chunks`).pluck().get());
  });

  it('cuts a long passage into parts of whole sentences, none longer than a part unless one sentence is', () => {
    const sentence = 'Give anemodrine 2.5 mg twice daily with food. ';
    const parts = passageParts(sentence.repeat(20).trim());
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= PART_CHARS && p.endsWith('food.'))).toBe(true);
    expect(parts.join(' ')).toBe(sentence.repeat(20).trim());
  });

  it('finds by meaning what BM25 cannot: a question about NaCl finds the passage on sodium', async () => {
    const embedder = conceptEmbedder();
    await embedEvidence(vault, embedder);
    expect(searchEvidence(vault.db, 'how much NaCl')).toEqual([]);
    const [hit] = await searchEvidenceHybrid(vault.db, embedder, 'how much NaCl', 3);
    expect(hit?.snippet).toContain('Limit sodium to 2 grams');
    const [query] = await embedder.embed(['NaCl']);
    expect(nearestPassages(vault.db, embedder.model, query!, 1)[0]!.chunkId).toBe(hit!.chunkId);
  });

  it('adds no passage BM25 did not find unless it is near the question: a question about nothing in the library finds nothing', async () => {
    const embedder = conceptEmbedder();
    await embedEvidence(vault, embedder);
    expect(await searchEvidenceHybrid(vault.db, embedder, 'quartz crystals', 5)).toEqual([]);
  });

  it('is the lexical search alone without an embedder, or before the library is embedded', async () => {
    const lexical = searchEvidence(vault.db, 'windmill dose', 5);
    expect(await searchEvidenceHybrid(vault.db, null, 'windmill dose', 5)).toEqual(lexical);
    expect(await searchEvidenceHybrid(vault.db, conceptEmbedder(), 'windmill dose', 5)).toEqual(lexical);
  });

  it('is the search the agent’s evidence.search tool runs: with the session’s encoder, the tool finds what BM25 alone cannot', async () => {
    const embedder = conceptEmbedder();
    await embedEvidence(vault, embedder);
    const tools = defaultToolRegistry();
    const base = { vault, patientId: 'no-patient', sessionId: 'session-1', now: new Date('2026-01-20T00:00:00Z'), proposals: new ProposalStore() };
    const context: ToolContext = { ...base, embedder: async () => embedder };
    const asked = { query: 'how much NaCl', limit: 3 };
    const result = await tools.callAsync('evidence', 'evidence.search', asked, context);
    const hybrid = await searchEvidenceHybrid(vault.db, embedder, asked.query, asked.limit);
    expect(result).toMatchObject({ ok: true });
    const hits = (result as { output: { hits: Array<{ chunkId: number; snippet: string }> } }).output.hits;
    expect(hits.map((h) => h.chunkId)).toEqual(hybrid.map((h) => h.chunkId));
    expect(hits[0]!.snippet).toContain('Limit sodium to 2 grams');
    // Without an encoder in the context the tool is BM25 alone, which finds no passage on "NaCl".
    expect(await tools.callAsync('evidence', 'evidence.search', asked, base)).toEqual({ ok: true, output: { hits: [] } });
    // A tool that must wait is refused, with the reason, by the registry's synchronous call.
    expect(tools.call('evidence', 'evidence.search', asked, context)).toMatchObject({ ok: false, reason: 'failed', message: expect.stringContaining('callAsync') });
  });

  it('drops a passage’s vectors with the passage', async () => {
    await embedEvidence(vault, conceptEmbedder());
    vault.db.prepare(`DELETE FROM evidence_sources`).run();
    expect(vault.db.prepare(`SELECT count(*) FROM evidence_vectors`).pluck().get()).toBe(0);
  });
});

describe('the shipped sentence encoder (Universal Sentence Encoder Lite, from its npm package, offline)', () => {
  it('puts a paraphrase nearer than an unrelated sentence', async () => {
    const encoder = await sentenceEncoder();
    const [question, paraphrase, unrelated, empty] = await encoder.embed([
      'How much salt should a patient with high blood pressure eat?',
      'Limit dietary sodium intake in adults with hypertension.',
      'Store the tablets in a dry place below 25 degrees.',
      '',
    ]);
    const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    expect(question).toHaveLength(encoder.dimensions);
    expect(cosine(question!, question!)).toBeCloseTo(1, 4);
    expect(cosine(question!, paraphrase!)).toBeGreaterThan(cosine(question!, unrelated!) + 0.1);
    expect(empty!.every((x) => x === 0)).toBe(true);
  }, 60_000);
});
