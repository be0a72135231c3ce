import { useEffect, useRef, useState } from 'react';
import type { CitationDto, VerifiedClaimDto } from '../../electron/api/schemas';
import type { SessionEvent } from '../../electron/api/session-schemas';
import { ClaimLine } from '../ui/ClaimLine';
import { openCitation as open } from '../shell/sources';
import { useChat } from '../shell/chat-store';
import { ProposalCard } from './ProposalCard';
import { refusalReason } from './tool-refusal';
import { decidedFrom, signReadiness, statusOf, type Choice, type Choices, type Decided } from '../shell/sign-off-state';
import { SignOffBar } from './SignOffBar';
import { streamingLabel } from './stream-text';
import { formatDate } from '../ui/format';
import './chat.css';
import { chartChanged } from '../shell/chart-changes';

/**
 * Smart container: the consultation with the local model. Replies stream
 * as they are written and can be stopped; each claim shows the grounding
 * verifier's verdict; the safety reviewer's concerns follow; proposals wait
 * for the clinician's Approve or Reject, the only way anything is written.
 * A chat proposal is decided at once; the sign-off's items (visit summary,
 * follow-up) are chosen one by one and written together by one signature.
 */
export function ChatPanel({ patientId }: { readonly patientId: string }) {
  const chat = useChat();
  const [text, setText] = useState('');
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [chat.events.length, chat.streaming?.text]);

  /** After a write the chart's timeline and brief show it. */
  const reloadChart = () => chartChanged(patientId, ['timeline', 'brief']);
  const decide = async (proposalId: string, decision: Choice) => {
    await chat.decide(proposalId, decision);
    if (decision === 'approve') reloadChart();
  };
  const sign = async () => {
    if (await chat.sign()) reloadChart();
  };
  const disabled = chat.chatDisabled !== null || chat.sessionId === null;
  const send = () => {
    const value = text.trim();
    if (!value || chat.busy || disabled) return;
    setText('');
    void chat.send(value);
  };
  const decided = decidedFrom(chat.events, chat.decisions);
  const readiness = signReadiness(chat.events, decided, chat.choices);
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
          <ChatEvent
            key={i}
            event={event}
            onOpen={open}
            decided={decided}
            choices={chat.choices}
            locked={chat.signing || chat.signed}
            onDecide={(id, d) => void decide(id, d)}
            onChoose={chat.choose}
          />
        ))}
        {streaming && (
          <div className="chat-msg chat-assistant chat-streaming" data-testid="chat-streaming" aria-live="polite">
            <div className="chat-who">{streaming.label}</div>
            {streaming.text && <div className="chat-text">{streaming.text}</div>}
          </div>
        )}
        <div ref={end} />
      </div>
      <SignOffBar readiness={readiness} signing={chat.signing} busy={chat.busy} error={chat.signError} onSign={() => void sign()} />
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
          <button
            type="button"
            className="btn"
            disabled={disabled || chat.busy || chat.signing || chat.signed}
            onClick={() => void chat.signOff()}
            title={chat.signed ? 'This session is signed off' : 'The assistant drafts the assessment, plan and follow-up into the visit note; nothing is written until you sign the note'}
          >
            Draft the note's assessment and plan
          </button>
        </div>
      </div>
    </section>
  );
}

interface ChatEventProps {
  readonly event: SessionEvent;
  readonly onOpen: (citation: CitationDto) => void;
  readonly decided: Decided;
  readonly choices: Choices;
  readonly locked: boolean;
  readonly onDecide: (proposalId: string, decision: Choice) => void;
  readonly onChoose: (proposalId: string, choice: Choice) => void;
}

function ChatEvent({ event, onOpen, decided, choices, locked, onDecide, onChoose }: ChatEventProps) {
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
          {event.ok ? `Used ${event.tool}` : `The assistant's ${event.tool} was refused: ${refusalReason(event.tool, event.message)}`}
        </div>
      );
    case 'proposal':
      return <ProposalCard event={event} status={statusOf(event.proposalId, decided)} choice={choices[event.proposalId]} locked={locked} onDecide={onDecide} onChoose={onChoose} />;
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
    case 'draft':
      return (
        <div className="chat-notice" role="status" data-testid="chat-draft">
          The assistant drafted the assessment and plan{event.followUpDate ? ` and a follow-up on ${formatDate(event.followUpDate)}` : ''} into the visit note: check them there before you sign.
        </div>
      );
  }
}
