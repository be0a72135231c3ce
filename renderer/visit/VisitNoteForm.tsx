import { useState } from 'react';
import type { Chart, VitalSign } from '../../electron/api/schemas';
import { formatDate, formatDateTime } from '../ui/format';
import { localToday, missing, vitalsText, type VisitDraft } from './visit-form';
import type { VisitState } from './visit-store';
import './visit.css';

export interface VisitNoteFormProps {
  readonly chart: Chart;
  readonly vitals: readonly VitalSign[];
  readonly visit: VisitState;
  /** The session the note is signed in (no model needed); null while it starts. */
  readonly sessionId: string | null;
  readonly model: string | null;
  readonly onSign: () => void;
  /** After a signature: a fresh note (in a new session). */
  readonly onNewNote: () => void;
}

/** "the note and the visit", "the note, the visit, 2 changes and the follow-up". */
function signedItems(changes: number, followUp: boolean): string {
  const items = ['the note', 'the visit', ...(changes > 0 ? [`${changes} ${changes === 1 ? 'change' : 'changes'} to the lists`] : []), ...(followUp ? ['the follow-up'] : [])];
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function Field(props: { label: string; name: keyof VisitDraft; rows?: number; visit: VisitState; placeholder?: string }) {
  const { visit, name } = props;
  const value = visit.draft[name] as string;
  const id = `visit-${name}`;
  return (
    <div className="visit-field">
      <label htmlFor={id}>
        {props.label}
        {visit.drafted.has(name) && <span className="visit-drafted">drafted by the assistant: check it</span>}
      </label>
      {props.rows ? (
        <textarea id={id} rows={props.rows} value={value} placeholder={props.placeholder} disabled={visit.signed !== null} onChange={(e) => visit.edit({ [name]: e.target.value })} />
      ) : (
        <input id={id} value={value} placeholder={props.placeholder} disabled={visit.signed !== null} onChange={(e) => visit.edit({ [name]: e.target.value })} />
      )}
    </div>
  );
}

/**
 * Pure (given the store's state): the visit note a clinician writes, with
 * or without a model: reason, subjective, objective (the latest vitals
 * pulled in on request), assessment, plan; medications stopped and
 * started, problems added and resolved; the next follow-up. Signing writes
 * all of it to the record together, in one step, or nothing. A model only
 * drafts into the same fields.
 */
export function VisitNoteForm({ chart, vitals, visit, sessionId, model, onSign, onNewNote }: VisitNoteFormProps) {
  const { draft } = visit;
  const [startName, setStartName] = useState('');
  const [startDose, setStartDose] = useState('');
  const [problemName, setProblemName] = useState('');
  const today = localToday();
  const locked = visit.signed !== null || visit.signing;
  const stopping = new Map(draft.medicationChanges.flatMap((c) => (c.action === 'stop' ? [[c.medicationId, c] as const] : [])));
  const starts = draft.medicationChanges.flatMap((c, i) => (c.action === 'start' ? [{ c, i }] : []));
  const resolving = new Set(draft.problemChanges.flatMap((c) => (c.action === 'resolve' ? [c.conditionId] : [])));
  const adds = draft.problemChanges.flatMap((c, i) => (c.action === 'add' ? [{ c, i }] : []));
  const waiting = missing(draft, today);
  const changes = draft.medicationChanges.length + draft.problemChanges.length;

  const pullVitals = () => {
    const pulled = vitalsText(vitals);
    if (!pulled.text) return;
    const known = new Set(draft.cites.map((c) => JSON.stringify(c)));
    visit.edit({
      objective: draft.objective.trim() ? `${pulled.text}\n${draft.objective}` : pulled.text,
      cites: [...draft.cites, ...pulled.cites.filter((c) => !known.has(JSON.stringify(c)))],
    });
  };

  const editable = (
    <>
      <div className="visit-grid">
        <div className="visit-col">
          <Field label="Reason for visit" name="reason" visit={visit} placeholder="e.g. Diabetes review" />
          <Field label="Subjective" name="subjective" rows={3} visit={visit} placeholder="What the patient reports" />
          <div className="visit-objective">
            <Field label="Objective" name="objective" rows={3} visit={visit} placeholder="Examination, measurements" />
            <button type="button" className="btn btn-small" disabled={locked || vitals.length === 0} onClick={pullVitals} data-testid="visit-pull-vitals">
              Pull in the latest vitals
            </button>
          </div>
          <Field label="Assessment" name="assessment" rows={3} visit={visit} />
          <Field label="Plan" name="plan" rows={3} visit={visit} />
        </div>
        <div className="visit-col">
          <fieldset className="visit-changes" disabled={locked}>
            <legend>Medications</legend>
            {chart.activeMedications.length === 0 && <p className="muted">No active medications.</p>}
            <ul>
              {chart.activeMedications.map((m) => {
                const stop = stopping.get(m.id);
                return (
                  <li key={m.id} className={stop ? 'visit-stopping' : ''}>
                    <label>
                      <input
                        type="checkbox"
                        checked={Boolean(stop)}
                        aria-label={`Stop ${m.display}`}
                        onChange={(e) =>
                          visit.edit({
                            medicationChanges: e.target.checked
                              ? [...draft.medicationChanges, { action: 'stop', medicationId: m.id, reason: null }]
                              : draft.medicationChanges.filter((c) => !(c.action === 'stop' && c.medicationId === m.id)),
                          })
                        }
                      />{' '}
                      Stop {m.display}
                    </label>
                    {stop && (
                      <input
                        className="visit-inline"
                        aria-label={`Why stop ${m.display}`}
                        placeholder="why (optional)"
                        value={stop.action === 'stop' ? (stop.reason ?? '') : ''}
                        onChange={(e) =>
                          visit.edit({
                            medicationChanges: draft.medicationChanges.map((c) => (c.action === 'stop' && c.medicationId === m.id ? { ...c, reason: e.target.value || null } : c)),
                          })
                        }
                      />
                    )}
                  </li>
                );
              })}
              {starts.map(({ c, i }) => (
                <li key={`start-${i}`} className="visit-starting" data-testid="visit-start">
                  Start {c.action === 'start' ? `${c.display}${c.dosage ? `, ${c.dosage}` : ''}` : ''}{' '}
                  <button type="button" className="btn-link" onClick={() => visit.edit({ medicationChanges: draft.medicationChanges.filter((_, j) => j !== i) })}>
                    remove
                  </button>
                </li>
              ))}
            </ul>
            <div className="visit-add">
              <input aria-label="Medication to start" placeholder="Start a medication (name and strength)" value={startName} onChange={(e) => setStartName(e.target.value)} />
              <input aria-label="Dosage" placeholder="dosage" value={startDose} onChange={(e) => setStartDose(e.target.value)} />
              <button
                type="button"
                className="btn btn-small"
                disabled={startName.trim().length < 2}
                onClick={() => {
                  visit.edit({ medicationChanges: [...draft.medicationChanges, { action: 'start', display: startName.trim(), dosage: startDose.trim() || null }] });
                  setStartName('');
                  setStartDose('');
                }}
              >
                Add
              </button>
            </div>
          </fieldset>
          <fieldset className="visit-changes" disabled={locked}>
            <legend>Problems</legend>
            <ul>
              {chart.activeProblems.map((p) => (
                <li key={p.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={resolving.has(p.id)}
                      aria-label={`Resolve ${p.display}`}
                      onChange={(e) =>
                        visit.edit({
                          problemChanges: e.target.checked
                            ? [...draft.problemChanges, { action: 'resolve', conditionId: p.id }]
                            : draft.problemChanges.filter((c) => !(c.action === 'resolve' && c.conditionId === p.id)),
                        })
                      }
                    />{' '}
                    Resolved: {p.display}
                  </label>
                </li>
              ))}
              {adds.map(({ c, i }) => (
                <li key={`add-${i}`} className="visit-starting">
                  Add {c.action === 'add' ? c.display : ''}{' '}
                  <button type="button" className="btn-link" onClick={() => visit.edit({ problemChanges: draft.problemChanges.filter((_, j) => j !== i) })}>
                    remove
                  </button>
                </li>
              ))}
            </ul>
            <div className="visit-add">
              <input aria-label="Problem to add" placeholder="Add a problem" value={problemName} onChange={(e) => setProblemName(e.target.value)} />
              <button
                type="button"
                className="btn btn-small"
                disabled={problemName.trim().length < 2}
                onClick={() => {
                  visit.edit({ problemChanges: [...draft.problemChanges, { action: 'add', display: problemName.trim() }] });
                  setProblemName('');
                }}
              >
                Add
              </button>
            </div>
          </fieldset>
          <fieldset className="visit-changes" disabled={locked}>
            <legend>Follow-up</legend>
            <div className="visit-add">
              <input type="date" aria-label="Follow-up date" min={today} value={draft.followUpDate} onChange={(e) => visit.edit({ followUpDate: e.target.value })} />
              <input aria-label="Follow-up reason" placeholder="what for" value={draft.followUpReason} onChange={(e) => visit.edit({ followUpReason: e.target.value })} />
            </div>
            {visit.drafted.has('followUpDate') && <span className="visit-drafted">date drafted by the assistant: check it</span>}
          </fieldset>
        </div>
      </div>
      {!visit.signed && (
        <div className="visit-sign" role="region" aria-label="Sign the visit note">
          <span>
            Signing writes {signedItems(changes, Boolean(draft.followUpDate))} to the record together, in one step, with you as their author; if anything is refused, nothing is written.
            {waiting && <span className="muted visit-waiting"> {waiting}</span>}
          </span>
          <button type="button" className="btn btn-primary" disabled={waiting !== null || locked || sessionId === null} onClick={onSign} data-testid="visit-sign">
            {visit.signing ? 'Signing…' : 'Sign and write to the record'}
          </button>
        </div>
      )}
      {visit.error && (
        <p className="error-line" role="alert" data-testid="visit-error">
          {visit.error}
        </p>
      )}
    </>
  );

  return (
    <section className="card visit-note" aria-label="Visit note" data-testid="visit-note">
      <div className="card-title">
        <h2>Visit note</h2>
        <span className="muted" data-testid="visit-mode">
          {model ? 'The assistant can draft the assessment and plan into this note; you check and sign it.' : 'No model needed: you write the note and sign it.'}
        </span>
      </div>
      {visit.signed ? (
        <>
          <div className="visit-signed" role="status" data-testid="visit-signed">
            <strong>Signed {formatDateTime(visit.signed.at)}.</strong> The note, the visit
            {visit.signed.medicationIds.length > 0 ? `, ${visit.signed.medicationIds.length} medication ${visit.signed.medicationIds.length === 1 ? 'change' : 'changes'}` : ''}
            {visit.signed.problemIds.length > 0 ? `, ${visit.signed.problemIds.length} problem list ${visit.signed.problemIds.length === 1 ? 'change' : 'changes'}` : ''}
            {visit.signed.followUpId ? ` and the follow-up on ${formatDate(draft.followUpDate)}` : ''} were written to the record together, with you as their author. They are on the timeline and in the
            brief.{' '}
            <button type="button" className="btn btn-small" onClick={onNewNote} data-testid="visit-new">
              Write another note
            </button>
          </div>
          <SignedNote draft={draft} names={visit.signed.names} />
        </>
      ) : (
        editable
      )}
    </section>
  );
}

/** Pure: the note as it was signed, read only (the chart's lists have changed since, by it). */
function SignedNote({ draft, names }: { readonly draft: VisitDraft; readonly names: Readonly<Record<string, string>> }) {
  const changes = [
    ...draft.medicationChanges.map((c) => (c.action === 'start' ? `Started ${c.display}${c.dosage ? `, ${c.dosage}` : ''}` : `Stopped ${names[c.medicationId] ?? 'a medication'}${c.reason ? ` (${c.reason})` : ''}`)),
    ...draft.problemChanges.map((c) => (c.action === 'add' ? `Added problem: ${c.display}` : `Resolved: ${names[c.conditionId] ?? 'a problem'}`)),
  ];
  const rows: Array<[string, string]> = [
    ['Reason for visit', draft.reason],
    ['Subjective', draft.subjective],
    ['Objective', draft.objective],
    ['Assessment', draft.assessment],
    ['Plan', draft.plan],
    ['Changes', changes.join('; ')],
    ['Follow-up', draft.followUpDate ? `${formatDate(draft.followUpDate)}: ${draft.followUpReason}` : ''],
  ];
  return (
    <dl className="fields visit-signed-note" data-testid="visit-signed-note">
      {rows
        .filter(([, text]) => text.trim() !== '')
        .map(([name, text]) => (
          <div key={name} style={{ display: 'contents' }}>
            <dt>{name}</dt>
            <dd>{text}</dd>
          </div>
        ))}
    </dl>
  );
}
