import { registerPanel } from '../shell/panels';
import { registerCitationOpener } from '../shell/sources';
import { EvidencePanel } from './EvidencePanel';
import { useEvidence } from './evidence-store';

export function registerEvidence(): void {
  registerPanel({ id: 'evidence', section: 'notes', order: 30, shownBy: 'evidence', component: EvidencePanel });
  registerCitationOpener('passage', (chunkId) => void useEvidence.getState().openPassage(chunkId));
}
