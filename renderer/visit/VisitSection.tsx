import { useEffect } from 'react';
import type { Chart } from '../../electron/api/schemas';
import { useBrief } from '../brief/brief-store';
import { useChart } from '../chart/chart-store';
import { useVitals } from '../chart/vitals-store';
import { ChatPanel } from '../chat/ChatPanel';
import { useChat } from '../chat/chat-store';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { useModels } from '../models/models-store';
import { useSettings } from '../app/settings-store';
import { useTimeline } from '../timeline/timeline-store';
import { VisitNoteForm } from './VisitNoteForm';
import { useVisit } from './visit-store';

const NO_VITALS: never[] = [];

/**
 * Smart container: the visit. The session starts with or without a model
 * (without one the brief is its context and the clinician writes the note);
 * the visit note is signed in it; the consultation chat joins when a model
 * is active, and its draft of the assessment and plan lands in the note.
 * After signing, the chart reads itself again.
 */
export function VisitSection({ chart }: { readonly chart: Chart }) {
  const patientId = chart.patient.id;
  const active = useModels((s) => s.state?.active ?? null);
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
      const patient = useChart.getState().chart?.patient;
      if (patient?.id !== patientId) return;
      void useChart.getState().refresh();
      void useBrief.getState().load(patientId);
      void useVitals.getState().load(patientId);
      if (useTimeline.getState().patientId === patientId) void useTimeline.getState().load(patientId, { deceasedAt: patient.deceasedAt });
      void useChart.getState().loadAccessHistory();
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
      {chat.chatDisabled !== null && (
        <p className="muted chat-off" role="status" data-testid="chat-disabled">
          Chat with the assistant is off. {chat.chatDisabled}
        </p>
      )}
      {chat.chatDisabled === null && chat.sessionId !== null && <ChatPanel patientId={patientId} />}
      <EvidencePanel />
    </div>
  );
}
