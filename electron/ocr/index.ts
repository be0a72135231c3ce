export { correctWord, type WordCorrected } from './correct-word';
export { OcrPool, langPath } from './engine';
export { OcrError } from './errors';
export { extract, type Proposal, type Evidence } from './extract';
export { recognizeDocument, sniffMediaType } from './pipeline';
export { decideProposal, listProposals, saveDocument, sourceRef, type StoredDocument, type StoredProposal } from './store';
export type { Box, OcrPage, OcrProgress, OcrWord, OcrOptions, OcrMediaType } from './types';
