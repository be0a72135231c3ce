import type { Migration } from './migration';
import { initialSchema } from './0001-initial-schema';
import { coveringResultsIndex } from './0002-covering-results-index';
import { evidenceLibrary } from './0003-evidence-library';
import { documentsOcr } from './0004-documents-ocr';
import { imaging } from './0005-imaging';
import { photosFindings } from './0006-photos-findings';
import { proposalKinds } from './0007-proposal-kinds';
import { documentReview } from './0008-document-review';
import { evidenceVectors } from './0009-evidence-vectors';

/** Every migration, in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [initialSchema, coveringResultsIndex, evidenceLibrary, documentsOcr, imaging, photosFindings, proposalKinds, documentReview, evidenceVectors];

export type { Migration } from './migration';
