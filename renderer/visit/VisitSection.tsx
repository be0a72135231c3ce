import { useEffect } from 'react';
import type { Chart } from '../../electron/api/schemas';
import { useChart } from '../shell/chart-store';
import { useVitals } from '../shell/vitals-store';
import { useChat } from '../shell/chat-store';
import { useActiveModel } from '../shell/active-model';
import { useSettings } from '../shell/settings-store';
import { VisitNoteForm } from './VisitNoteForm';
import { useVisit } from './visit-store';
import { chartChanged } from '../shell/chart-changes';

const NO_VITALS: never[] = [];

/**
 * Smart container: the visit. The session starts with or without a model
 * (without one the brief is its context and the clinician writes the note);
 * the visit note is signed in it; the consultation chat (the chat panel,
 * below it) joins when a model is active, and its draft of the assessment
 * and plan lands in the note.
 * After signing, the chart reads itself again.
 */
export function VisitSection({ chart }: { readonly chart: Chart }) {
  const patientId = chart.patient.id;
  const active = useActiveModel((s) => s.active);
  const dateStyle = useSettings((s) => s.dateStyle);
  const chat = useChat();
  const visit = useVisit();
  const loaded = useVitals((s) => (s.patientId === patientId ? s.vitals : null));
  const vitals = loaded?.latest ?? NO_VITALS;

  useEffect(() => {
    useVisit.getState().open(patientId);
  }, [patientId]);

  useEffect(() => {
    void useChat.getState().start(patientId, dateStyle);
  }, [patientId, active, dateStyle]);

  // The assistant's latest draft fills what the clinician has not written yet.
  const drafts = chat.events.filter((e) => e.type === 'draft');
  const latest = drafts[drafts.length - 1];
  useEffect(() => {
    if (latest && latest.type === 'draft') useVisit.getState().applyDraft(latest);
  }, [latest]);

  const sign = async () => {
    if (!chat.sessionId) return;
    const names = Object.fromEntries([...chart.activeMedications, ...chart.activeProblems].map((r) => [r.id, r.display]));
    if (await useVisit.getState().sign(chat.sessionId, names)) {
      void useChat.getState().markSigned();
      if (useChart.getState().chart?.patient.id !== patientId) return;
      chartChanged(patientId, ['chart', 'brief', 'vitals', 'timeline', 'access-history']);
    }
  };

  return (
    <div className="visit-section">
      <VisitNoteForm
        chart={chart}
        vitals={vitals}
        visit={visit}
        sessionId={chat.sessionId}
        model={chat.model}
        onSign={() => void sign()}
        onNewNote={() => {
          // A signed session's decisions are made: the next note is signed in a new session.
          useVisit.getState().reset();
          void useChat.getState().start(patientId, dateStyle);
        }}
      />
    </div>
  );
}
