import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { embedEvidence, importEvidence, listEvidenceSources, searchEvidenceHybrid, sentenceEncoder, type EvidenceMeta } from '../../evidence';
import { VaultError } from '../../store/errors';
import { optionalString, printJson, requireString, type Command } from '../command';
import { UsageError } from '../io';
import { withVault } from '../login';

const common = { vault: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' } } as const;

export const evidenceCommands: Command[] = [
  {
    name: 'evidence import',
    usage: 'evidence import --vault FILE --title T --issuer I --published YYYY[-MM[-DD]] --licence L --tier guideline|reference|other [--url U] DOC',
    summary: 'add a guideline or reference document (Markdown, HTML, text, text PDF) to the evidence library',
    options: {
      ...common,
      title: { type: 'string' },
      issuer: { type: 'string' },
      published: { type: 'string' },
      licence: { type: 'string' },
      tier: { type: 'string' },
      url: { type: 'string' },
    },
    positionals: 'one-or-more',
    async run(values, files, io) {
      if (files.length !== 1) throw new UsageError('give one document per import: each has its own title and source');
      const file = files[0]!;
      const tier = requireString(values, 'tier');
      if (tier !== 'guideline' && tier !== 'reference' && tier !== 'other') throw new UsageError('--tier is guideline, reference or other');
      const url = optionalString(values, 'url');
      const meta: EvidenceMeta = {
        title: requireString(values, 'title'),
        issuer: requireString(values, 'issuer'),
        published: requireString(values, 'published'),
        licence: requireString(values, 'licence'),
        tier,
        ...(url ? { url } : {}),
      };
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(file));
      } catch (error) {
        throw new VaultError('not-found', `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not readable'}`);
      }
      // The new passages are embedded for the second ranker here, while the vault is open (the app would do it at its next sign-in).
      const result = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), async (vault) => {
        const imported = await importEvidence(vault, basename(file), bytes, meta);
        await embedEvidence(vault, await sentenceEncoder());
        return imported;
      });
      if (values.json) return printJson(io, result);
      io.out(
        result.alreadyImported
          ? `${basename(file)}: already in the library (source ${result.sourceId}); nothing added\n`
          : `${basename(file)}: ${result.chunks} sections added as source ${result.sourceId}\n`,
      );
    },
  },
  {
    name: 'evidence search',
    usage: 'evidence search --vault FILE [--limit N] [--json] WORDS...',
    summary: 'search the evidence library (BM25 and a local sentence encoder, recommendations and guidelines first among equals)',
    options: { ...common, limit: { type: 'string' } },
    positionals: 'one-or-more',
    async run(values, words, io) {
      const limit = Number(optionalString(values, 'limit') ?? '10');
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit is a whole number from 1 to 100');
      const hits = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), async (vault) =>
        searchEvidenceHybrid(vault.db, await sentenceEncoder(), words.join(' '), limit),
      );
      if (values.json) return printJson(io, hits);
      if (hits.length === 0) io.out('no passages found\n');
      for (const hit of hits) {
        io.out(`[${hit.chunkId}] ${hit.title} (${hit.issuer}, ${hit.published}; ${hit.tier}) — ${hit.section}${hit.page ? `, p. ${hit.page}` : ''}\n`);
        io.out(`    ${hit.snippet.split('\u0002').join('«').split('\u0003').join('»').replace(/\n/g, ' ')}\n`);
      }
    },
  },
  {
    name: 'evidence list',
    usage: 'evidence list --vault FILE [--json]',
    summary: 'the documents in the evidence library, with issuer, date, licence and tier',
    options: common,
    async run(values, _positionals, io) {
      const sources = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => listEvidenceSources(vault.db));
      if (values.json) return printJson(io, sources);
      if (sources.length === 0) io.out('the evidence library is empty; add documents with `continuum evidence import`\n');
      for (const s of sources) io.out(`${s.id}\t${s.tier}\t${s.title}\t${s.issuer}\t${s.published}\t${s.licence}\t${s.chunks} sections\n`);
    },
  },
];
