import { useChartNav } from '../shell/navigation';
import { registerPanel, type PanelProps } from '../shell/panels';
import { registerCitationOpener, registerSourceOpener } from '../shell/sources';
import { documentSource } from './document-source';
import { OcrReviewPanel } from './OcrReviewPanel';
import { useDocumentReview } from './review-store';

function Documents({ chart }: PanelProps) {
  return <OcrReviewPanel patientId={chart.patient.id} patientName={chart.patient.name} />;
}

export function registerOcrReview(): void {
  registerPanel({ id: 'documents', section: 'documents', order: 10, shownBy: 'documents', component: Documents });
  registerSourceOpener(documentSource);
  registerCitationOpener('document', (patientId, documentId) => {
    useDocumentReview.getState().select(patientId, documentId);
    useChartNav.getState().show('documents');
  });
  // A citation opened a page's words: show the section that shows them.
  useDocumentReview.subscribe((now, before) => {
    if (now.focus && now.focus !== before.focus) useChartNav.getState().show('documents');
  });
}
