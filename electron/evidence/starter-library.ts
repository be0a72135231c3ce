import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Vault } from '../store/vault';
import { EvidenceError } from './evidence-error';
import { evidenceTier } from './evidence-meta';
import { importEvidence } from './import-evidence';
import { evidenceSourceHashes } from './queries';

/** The index file of a starter library folder. */
export const STARTER_INDEX = 'library.json';

const starterDocument = z.object({
  file: z.string().regex(/^[\w.-]+$/, 'a plain file name'),
  title: z.string(),
  issuer: z.string(),
  published: z.string(),
  licence: z.string(),
  tier: evidenceTier,
  topic: z.string(),
  source: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const starterIndex = z.object({ name: z.string(), builtFrom: z.string(), documents: z.array(starterDocument) });
export type StarterDocument = z.infer<typeof starterDocument>;
export type StarterIndex = z.infer<typeof starterIndex>;

/**
 * Where the app's starter library is: resources/evidence beside the
 * sources or the bundle, or the packaged app's resources folder. Null when
 * none was built (a checkout without ../shared/data).
 */
export function findStarterLibrary(): string | null {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = packaged ? [join(packaged, 'evidence')] : [];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up += 1) {
    candidates.push(join(dir, 'resources/evidence'));
    dir = dirname(dir);
  }
  return candidates.find((c) => existsSync(join(c, STARTER_INDEX))) ?? null;
}

export function readStarterIndex(dir: string): StarterIndex {
  const file = join(dir, STARTER_INDEX);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EvidenceError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not valid JSON'}`);
  }
  const parsed = starterIndex.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EvidenceError(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export interface StarterImport {
  readonly added: string[];
  readonly present: number;
  /** Documents that could not be imported, each with its one-line reason; the others are still imported. */
  readonly failed: Array<{ file: string; reason: string }>;
}

/**
 * Imports the starter library's documents the vault does not hold yet (by
 * SHA-256): everything on first run, a new or revised document after an
 * update. A document whose bytes do not match the index is refused, and
 * the rest still go in. goOn is asked before each document (the vault
 * may have been locked meanwhile).
 */
export async function importStarterLibrary(vault: Vault, dir: string, goOn: () => boolean = () => true): Promise<StarterImport> {
  const index = readStarterIndex(dir);
  const held = new Set(evidenceSourceHashes(vault.db));
  const result: StarterImport = { added: [], present: 0, failed: [] };
  for (const doc of index.documents) {
    if (!goOn()) break;
    if (held.has(doc.sha256)) {
      (result as { present: number }).present += 1;
      continue;
    }
    try {
      const bytes = new Uint8Array(readFileSync(join(dir, doc.file)));
      if (createHash('sha256').update(bytes).digest('hex') !== doc.sha256) throw new EvidenceError(`${doc.file}: its bytes do not match the starter library's index; rebuild it`);
      await importEvidence(vault, doc.file, bytes, { title: doc.title, issuer: doc.issuer, published: doc.published, licence: doc.licence, tier: doc.tier });
      result.added.push(doc.file);
    } catch (error) {
      result.failed.push({ file: doc.file, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
