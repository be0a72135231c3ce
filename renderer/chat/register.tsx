import { registerPanel, type PanelProps } from '../shell/panels';
import { ChatPanel } from './ChatPanel';
import { useChat } from '../shell/chat-store';

/** The consultation chat under the visit note: joins when the visit's session has a model, else says why it is off. */
function Chat({ chart }: PanelProps) {
  const chatDisabled = useChat((s) => s.chatDisabled);
  const sessionId = useChat((s) => s.sessionId);
  // A deceased patient has no visit, so no session to chat in.
  if (chart.patient.deceasedAt) return null;
  if (chatDisabled !== null) {
    return (
      <p className="muted chat-off" role="status" data-testid="chat-disabled">
        Chat with the assistant is off. {chatDisabled}
      </p>
    );
  }
  return sessionId !== null ? <ChatPanel patientId={chart.patient.id} /> : null;
}

export function registerChat(): void {
  registerPanel({ id: 'chat', section: 'notes', order: 20, shownBy: 'chat', component: Chat });
}
