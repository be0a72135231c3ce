export { proposeFinding, decideFinding } from './findings';
export { listFindings, getFinding, findingForFact, confirmedFindingFacts } from './queries';
export { findingSourceRef } from './source-ref';
export { findingStatement, spacingNote } from './statement';
