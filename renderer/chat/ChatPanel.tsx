import { useEffect, useRef, useState } from 'react';
import type { CitationDto, VerifiedClaimDto } from '../../electron/api/schemas';
import type { SessionEvent } from '../../electron/api/session-schemas';
import { ClaimLine } from '../brief/ClaimLine';
import { openCitation as open } from '../brief/open-citation';
import { useChart } from '../chart/chart-store';
import { useModels } from '../models/models-store';
import { useTimeline } from '../timeline/timeline-store';
import { useChat } from './chat-store';
import { streamingLabel } from './stream-text';
import '../brief/brief.css';
import './chat.css';

const KIND_LABEL: Record<string, string> = { note: 'Note', fact: 'Fact', 'care-item': 'Care-plan item', 'follow-up': 'Next follow-up' };

/**
 * Smart container: the consultation with the local model. Replies stream
 * as they are written and can be stopped; each claim shows the grounding
 * verifier's verdict; the safety reviewer's concerns follow; proposals wait
 * for the clinician's Approve or Reject, the only way anything is written.
 */
export function ChatPanel({ patientId }: { readonly patientId: string }) {
  const active = useModels((s) => s.state?.active ?? null);
  const chat = useChat();
  const [text, setText] = useState('');
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void useChat.getState().start(patientId);
  }, [patientId, active]);

  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [chat.events.length, chat.streaming?.text]);

  const decide = async (proposalId: string, decision: 'approve' | 'reject') => {
    await chat.decide(proposalId, decision);
    const patient = useChart.getState().chart?.patient;
    if (decision === 'approve' && patient?.id === patientId) void useTimeline.getState().load(patientId, { deceasedAt: patient.deceasedAt });
  };
  const disabled = chat.chatDisabled !== null || chat.sessionId === null;
  const send = () => {
    const value = text.trim();
    if (!value || chat.busy || disabled) return;
    setText('');
    void chat.send(value);
  };
  const decisionsFromEvents = Object.fromEntries(chat.events.filter((e) => e.type === 'decision').map((e) => [e.proposalId, e]));
  const streaming = chat.streaming ? streamingLabel(chat.streaming.agent, chat.streaming.text) : null;

  return (
    <section className="card chat" aria-label="Consultation chat" data-testid="chat">
      <div className="card-title">
        <h2>Consultation</h2>
        <span className="spacer" />
        <span className="muted" data-testid="chat-model">
          {chat.model ? `Assistant: ${chat.model}` : 'No model: brief only'}
        </span>
      </div>
      {chat.chatDisabled && (
        <p className="chat-disabled" role="status" data-testid="chat-disabled">
          {chat.chatDisabled}
        </p>
      )}
      {chat.starting && <p className="loading">Starting the session…</p>}
      <div className="chat-log" data-testid="chat-log">
        {chat.events.map((event, i) => (
          <ChatEvent key={i} event={event} onOpen={open} decided={chat.decisions} decisionEvents={decisionsFromEvents} onDecide={(id, d) => void decide(id, d)} />
        ))}
        {streaming && (
          <div className="chat-msg chat-assistant chat-streaming" data-testid="chat-streaming" aria-live="polite">
            <div className="chat-who">{streaming.label}</div>
            {streaming.text && <div className="chat-text">{streaming.text}</div>}
          </div>
        )}
        <div ref={end} />
      </div>
      {chat.error && (
        <p className="error-line" role="alert">
          {chat.error}
        </p>
      )}
      <div className="chat-input">
        <textarea
          aria-label="Message to the assistant"
          placeholder={disabled ? 'Chat is off without a model' : 'Ask, or note what the patient says…'}
          value={text}
          disabled={disabled}
          rows={2}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              send();
            }
          }}
        />
        <div className="chat-actions">
          {chat.busy ? (
            <button type="button" className="btn chat-stop" onClick={() => void chat.stop()}>
              Stop
            </button>
          ) : (
            <button type="button" className="btn btn-primary" disabled={disabled || text.trim() === ''} onClick={send}>
              Send
            </button>
          )}
          <button type="button" className="btn" disabled={disabled || chat.busy} onClick={() => void chat.signOff()} title="The assistant drafts the assessment and plan for you to approve">
            Draft assessment and plan
          </button>
        </div>
      </div>
    </section>
  );
}

interface ChatEventProps {
  readonly event: SessionEvent;
  readonly onOpen: (citation: CitationDto) => void;
  readonly decided: Readonly<Record<string, { status: 'approved' | 'rejected'; recordId: string | null }>>;
  readonly decisionEvents: Readonly<Record<string, unknown>>;
  readonly onDecide: (proposalId: string, decision: 'approve' | 'reject') => void;
}

function ChatEvent({ event, onOpen, decided, decisionEvents, onDecide }: ChatEventProps) {
  switch (event.type) {
    case 'turn':
      return (
        <div className="chat-msg chat-user" data-testid="chat-turn">
          <div className="chat-who">{event.from === 'clinician' ? 'You' : 'Patient'}</div>
          <div className="chat-text">{event.text}</div>
        </div>
      );
    case 'reply': {
      const flagged = event.claims.filter((c) => c.verdict !== 'supported').length;
      return (
        <div className="chat-msg chat-assistant" data-testid="chat-reply">
          <div className="chat-who">Assistant</div>
          <div className="chat-text">{event.text.trim() || <span className="muted">(no text in the reply)</span>}</div>
          {event.claims.length > 0 && (
            <>
              <div className={`chat-claims-head ${flagged ? 'chat-claims-flagged' : ''}`}>
                {flagged === 0 ? `${event.claims.length} claims, all verified against the record` : `${flagged} of ${event.claims.length} claims not verified: do not take them as fact`}
              </div>
              <ul className="claims chat-claims">
                {event.claims.map((claim, i) => (
                  <ClaimLine key={i} claim={claim as VerifiedClaimDto} onOpenCitation={onOpen} />
                ))}
              </ul>
            </>
          )}
        </div>
      );
    }
    case 'review':
      return event.concerns.length === 0 ? null : (
        <div className="chat-review" data-testid="chat-review">
          <div className="chat-who">Safety review</div>
          <ul>
            {event.concerns.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </div>
      );
    case 'tool':
      return (
        <div className="chat-tool muted">
          {event.ok ? `Used ${event.tool}` : `Refused ${event.tool}: ${event.message ?? 'not allowed'}`}
        </div>
      );
    case 'proposal': {
      const decision = decided[event.proposalId] ?? (decisionEvents[event.proposalId] as { decision: string } | undefined);
      const status = decision ? ('status' in decision ? decision.status : (decision as { decision: string }).decision === 'approve' ? 'approved' : 'rejected') : 'pending';
      return (
        <div className={`chat-proposal chat-proposal-${status}`} data-testid="chat-proposal" data-kind={event.kind} data-status={status}>
          <div className="chat-who">Proposed {KIND_LABEL[event.kind]?.toLowerCase() ?? event.kind}: needs your decision</div>
          <div className="chat-proposal-summary">{event.summary}</div>
          {event.detail && <div className="chat-text chat-proposal-detail">{event.detail}</div>}
          {status === 'pending' ? (
            <div className="chat-actions">
              <button type="button" className="btn btn-primary btn-small" onClick={() => onDecide(event.proposalId, 'approve')}>
                Approve
              </button>
              <button type="button" className="btn btn-small" onClick={() => onDecide(event.proposalId, 'reject')}>
                Reject
              </button>
            </div>
          ) : (
            <div className="chat-decided" data-testid="chat-decided">
              {status === 'approved' ? '✓ Approved: written to the record, with this session as its source' : 'Rejected: nothing written'}
            </div>
          )}
        </div>
      );
    }
    case 'decision':
      return null;
    case 'notice':
      return (
        <div className="chat-notice" role="status">
          {event.message.charAt(0).toUpperCase() + event.message.slice(1)}
        </div>
      );
    case 'context':
      return (
        <div className="chat-notice chat-context" role="status" data-testid="context-notice">
          Older turns left out: {event.message}
        </div>
      );
    case 'end':
      return <div className="chat-notice">The session ended ({event.reason}).</div>;
  }
}
