import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Box, DocumentPage, ProposalEdits, StoredProposalView } from '../../electron/api/ocr-schemas';
import { call, errorMessage } from '../api/client';
import { useChart } from '../shell/chart-store';
import { focusView, unionOf } from './focus';
import { useDocumentReview } from './review-store';
import { formatDate, formatDateTime } from '../ui/format';
import { lowConfidenceWords } from '../../electron/api/ocr-review';
import { band, DEFAULT_THRESHOLD, doubtful, KIND_LABEL, lines, matchedText, nearMatch, step } from './words';
import { chartChanged } from '../shell/chart-changes';

const MIN_ZOOM = 0.25;
const MAX_ZOOM = 4;
const zoomBy = (z: number, factor: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(z * factor * 100) / 100));

/** After a record was written: the chart's timeline, trends and brief read it again (an accepted result may be a line of the brief). */
function refreshChart(patientId: string) {
  chartChanged(patientId, ['timeline', 'trends', 'brief']);
}

/**
 * One document under review: the page image with its word boxes shaded by
 * confidence, the recognized text, the doubtful words (n / p to move through
 * them, Enter to correct), and the extraction proposals to accept, edit or reject.
 * The page shown, and the words a citation asked to see, come from the review
 * store: opened from a citation, the page is zoomed and scrolled to them.
 */
export function DocumentReview({ documentId, pages, onChanged }: { documentId: string; pages: number; onChanged: () => void }) {
  const pageNo = useDocumentReview((s) => s.page);
  const goToPage = useDocumentReview((s) => s.setPage);
  const setPageNo = (update: (n: number) => number) => goToPage(update(pageNo));
  const focus = useDocumentReview((s) => (s.focus && s.focus.documentId === documentId && s.focus.page === s.page ? s.focus : null));
  const clearFocus = useDocumentReview((s) => s.clearFocus);
  const [page, setPage] = useState<DocumentPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [zoom, setZoom] = useState(1);
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [current, setCurrent] = useState<number | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<Box[]>([]);
  const root = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const fitted = useRef(false);
  const pendingScroll = useRef<{ left: number; top: number } | null>(null);

  function fit() {
    const width = stage.current?.clientWidth;
    if (page && width) setZoom(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.floor(((width - 2) / page.width) * 100) / 100)));
  }

  const load = useCallback(async () => {
    try {
      setPage(await call('documents.page', { documentId, page: pageNo }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [documentId, pageNo]);

  useEffect(() => {
    setPage(null);
    setCurrent(null);
    setEditing(null);
    void load();
  }, [load]);

  // The first page opens fitted to the width of the pane, unless a citation asked for a place on it.
  useEffect(() => {
    if (page && !fitted.current && !focus) {
      fitted.current = true;
      fit();
    }
  });

  // Opened from a citation: zoom to the cited words, bring the pane into view, and centre them.
  const focusSeq = focus?.seq ?? null;
  useEffect(() => {
    if (!focus || !page || page.page !== focus.page || !stage.current) return;
    fitted.current = true;
    const view = focusView({
      boxes: focus.boxes,
      page: { width: page.width, height: page.height },
      stage: { width: stage.current.clientWidth, height: stage.current.clientHeight || 640 },
      limits: { min: MIN_ZOOM, max: MAX_ZOOM },
    });
    pendingScroll.current = { left: view.scrollLeft, top: view.scrollTop };
    setZoom(view.zoom);
    root.current?.scrollIntoView?.({ block: 'start' });
    // Once per citation request (seq), when its page has loaded.
  }, [focusSeq, page?.page, page?.documentId]);

  useLayoutEffect(() => {
    const scroll = pendingScroll.current;
    if (!scroll || !stage.current) return;
    pendingScroll.current = null;
    stage.current.scrollLeft = scroll.left;
    stage.current.scrollTop = scroll.top;
  });

  const doubts = useMemo(() => (page ? doubtful(page.words, threshold) : []), [page, threshold]);
  const textLines = useMemo(() => (page ? lines(page.words) : []), [page]);

  // A doubtful word the clinician moves to counts as looked at: the core closes the page once all are.
  const [confirmAccept, setConfirmAccept] = useState(false);
  useEffect(() => {
    if (current === null || !page || page.review.reviewed || page.review.seen.includes(current)) return;
    if (!lowConfidenceWords(page.words).includes(current)) return;
    const { documentId: doc, page: pageOf } = page;
    void call('documents.seeWords', { documentId: doc, page: pageOf, indices: [current] })
      .then((review) => {
        setPage((p) => (p && p.documentId === doc && p.page === pageOf ? { ...p, review: { ...review, seen: [...p.review.seen, current] } } : p));
        if (review.reviewed) onChanged();
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [current, page, onChanged]);

  async function acceptAsRead() {
    if (!page) return;
    try {
      const review = await call('documents.acceptPage', { documentId: page.documentId, page: page.page });
      setPage((p) => (p ? { ...p, review: { ...review, seen: p.review.seen } } : p));
      setConfirmAccept(false);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  // The current word scrolls into view in the image and in the text.
  useEffect(() => {
    if (current === null) return;
    for (const el of root.current?.querySelectorAll(`[data-word="${current}"]`) ?? []) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);

  function go(direction: 1 | -1) {
    setEditing(null);
    setCurrent((c) => step(doubts, c, direction));
  }

  async function correct(index: number, text: string) {
    try {
      const { word } = await call('documents.correctWord', { documentId, page: pageNo, index, text });
      setPage((p) => (p ? { ...p, words: p.words.map((w, i) => (i === index ? word : w)) } : p));
      setEditing(null);
      setError(null);
      root.current?.focus();
      // The page's pending proposals were computed again from the corrected words.
      await load();
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function decide(proposal: StoredProposalView, decision: 'accept' | 'edit' | 'reject', edits?: ProposalEdits) {
    try {
      await call('ocr.decide', { proposalId: proposal.id, decision, ...(edits ? { edits } : {}) });
      await load();
      onChanged();
      if (decision !== 'reject' && page) refreshChart(page.patientId);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  function onKey(e: React.KeyboardEvent) {
    if ((e.target as HTMLElement).closest('input, select, textarea')) return;
    if (e.key === 'n' || e.key === 'ArrowDown') {
      e.preventDefault();
      go(1);
    } else if (e.key === 'p' || e.key === 'ArrowUp') {
      e.preventDefault();
      go(-1);
    } else if (e.key === 'Enter' && current !== null && !(e.target as HTMLElement).closest('button')) {
      e.preventDefault();
      setEditing(`word-${current}`);
    } else if (e.key === '+' || e.key === '=') setZoom((z) => zoomBy(z, 1.25));
    else if (e.key === '-') setZoom((z) => zoomBy(z, 0.8));
  }

  const word = current !== null ? page?.words[current] : undefined;
  const patient = useChart((state) => state.chart?.patient);
  const otherBirth = page?.proposals.find((p) => p.proposal.kind === 'date' && p.proposal.role === 'birth' && patient?.birthDate && p.proposal.date !== patient.birthDate.slice(0, 10));
  const labsAndMore = page?.proposals.filter((p) => p.proposal.kind !== 'date') ?? [];
  // What a citation asked to see: the outline round its words, those words in the text, and the proposal they made.
  const citedBox = focus ? unionOf(focus.boxes) : null;
  const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
  const citedWords = new Set(focus && page ? page.words.flatMap((w, i) => (focus.boxes.some((b) => sameBox(b, w.box)) ? [i] : [])) : []);
  const citedProposal = focus ? labsAndMore.find((p) => p.status !== 'pending' && p.proposal.evidence.boxes.length > 0 && p.proposal.evidence.boxes.every((b, i) => focus.boxes[i] && sameBox(b, focus.boxes[i]!))) : undefined;
  const dates = page?.proposals.filter((p) => p.proposal.kind === 'date') ?? [];

  return (
    <div className="ocr-review" ref={root} tabIndex={0} onKeyDown={onKey} data-testid="ocr-review" aria-label="Document review">
      <div className="ocr-toolbar">
        <span className="ocr-title">{page?.title}</span>
        <button type="button" className="btn" disabled={pageNo <= 1} onClick={() => setPageNo((n) => n - 1)} aria-label="Previous page">
          ‹ Page
        </button>
        <span data-testid="ocr-page-of">
          Page {pageNo} of {pages}
        </span>
        <button type="button" className="btn" disabled={pageNo >= pages} onClick={() => setPageNo((n) => n + 1)} aria-label="Next page">
          Page ›
        </button>
        <span className="ocr-sep" />
        <button type="button" className="btn" aria-label="Zoom out" disabled={zoom <= MIN_ZOOM} onClick={() => setZoom((z) => zoomBy(z, 0.8))}>
          −
        </button>
        <span data-testid="ocr-zoom">{Math.round(zoom * 100)}%</span>
        <button type="button" className="btn" aria-label="Zoom in" disabled={zoom >= MAX_ZOOM} onClick={() => setZoom((z) => zoomBy(z, 1.25))}>
          +
        </button>
        <button type="button" className="btn" onClick={fit}>
          Fit width
        </button>
        <span className="ocr-sep" />
        <label>
          Review words below{' '}
          <select value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} aria-label="Confidence threshold">
            {[50, 60, 75, 85, 95].map((t) => (
              <option key={t} value={t}>
                {t}%
              </option>
            ))}
          </select>{' '}
          confidence
        </label>
        <span className="ocr-legend" aria-hidden="true">
          <i className="w-low" /> below threshold <i className="w-mid" /> under 90% <i className="w-high" /> 90%+ <i className="w-corrected" /> corrected
        </span>
      </div>
      {error && (
        <div className="error-line" role="alert">
          {error}
        </div>
      )}
      {page && <PageReviewBar review={page.review} confirming={confirmAccept} onAsk={() => setConfirmAccept(true)} onCancel={() => setConfirmAccept(false)} onAccept={() => void acceptAsRead()} />}
      {otherBirth && patient && otherBirth.proposal.kind === 'date' && (
        <div className="ocr-mismatch" role="alert" data-testid="ocr-patient-mismatch">
          This page gives a date of birth of {formatDate(otherBirth.proposal.date)}, but {patient.name} was born on {formatDate(patient.birthDate)}. Check that the document belongs to this patient before
          accepting anything from it.
        </div>
      )}
      {focus && page && (
        <div className="ocr-cited-note" role="status" data-testid="ocr-cited-note">
          <span>
            Outlined on page {focus.page}: the words the cited record was read from{citedProposal ? ` (“${citedProposal.proposal.evidence.read}”)` : ''}.
          </span>
          <button type="button" className="btn" onClick={clearFocus}>
            Hide outline
          </button>
        </div>
      )}
      {!page && !error && <p className="muted">Opening the page…</p>}
      {page && (
        <div className="ocr-body">
          <div className="ocr-stage" data-testid="ocr-stage" ref={stage}>
            {page.imageBase64 ? (
              <div className="ocr-canvas" style={{ width: page.width * zoom, height: page.height * zoom }}>
                <img src={`data:image/png;base64,${page.imageBase64}`} width={page.width * zoom} height={page.height * zoom} alt={`Page ${page.page} of ${page.title}`} draggable={false} />
                {page.words.map((w, i) => (
                  <button
                    type="button"
                    key={i}
                    data-word={i}
                    className={`ocr-box w-${band(w, threshold)}${i === current ? ' current' : ''}`}
                    style={{ left: w.box.x * zoom, top: w.box.y * zoom, width: w.box.w * zoom, height: w.box.h * zoom }}
                    title={`${w.text} · ${Math.round(w.confidence)}%${w.corrected ? ' (corrected)' : ''}`}
                    aria-label={`Word ${w.text}, ${Math.round(w.confidence)}% confidence`}
                    tabIndex={-1}
                    onClick={() => {
                      setCurrent(i);
                      setEditing(`word-${i}`);
                    }}
                  />
                ))}
                {citedBox && (
                  <div
                    className="ocr-cited"
                    data-testid="ocr-cited"
                    style={{ left: citedBox.x * zoom - 6, top: citedBox.y * zoom - 6, width: citedBox.w * zoom + 12, height: citedBox.h * zoom + 12 }}
                  />
                )}
                {highlight.map((b, i) => (
                  <div key={`h${i}`} className="ocr-evidence" style={{ left: b.x * zoom - 3, top: b.y * zoom - 3, width: b.w * zoom + 6, height: b.h * zoom + 6 }} />
                ))}
              </div>
            ) : (
              <p className="muted">This page came from the PDF's own text layer: there is no scan to show, and its words need no review.</p>
            )}
          </div>
          <div className="ocr-side">
            <section aria-label="Doubtful words" className="ocr-doubts">
              <h3>
                Words to check <span className="muted">({doubts.length} below {threshold}%)</span>
              </h3>
              <div className="ocr-doubt-nav">
                <button type="button" className="btn" disabled={doubts.length === 0} onClick={() => go(-1)}>
                  ‹ Previous (p)
                </button>
                <button type="button" className="btn" disabled={doubts.length === 0} onClick={() => go(1)} data-testid="ocr-next-doubtful">
                  Next (n) ›
                </button>
                <span className="muted">Enter or click a word to correct it.</span>
              </div>
              {word && current !== null && (
                <WordEditor
                  key={`${current}-${editing === `word-${current}`}`}
                  text={word.text}
                  confidence={word.confidence}
                  corrected={Boolean(word.corrected)}
                  open={editing === `word-${current}`}
                  onOpen={() => setEditing(`word-${current}`)}
                  onCancel={() => {
                    setEditing(null);
                    root.current?.focus();
                  }}
                  onSave={(text) => void correct(current, text)}
                />
              )}
              {doubts.length === 0 && <p className="muted">No word below {threshold}% on this page.</p>}
              <ul className="ocr-doubt-list" data-testid="ocr-doubt-list">
                {doubts.map((i) => (
                  <li key={i}>
                    <button type="button" className={`link${i === current ? ' current' : ''}`} onClick={() => setCurrent(i)}>
                      “{page.words[i]!.text}” <span className="muted">{Math.round(page.words[i]!.confidence)}%</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-label="Recognized text" className="ocr-text" data-testid="ocr-text">
              <h3>Recognized text</h3>
              <div className="ocr-text-body">
                {textLines.map((line, li) => (
                  <div key={li}>
                    {line.map((i) => {
                      const w = page.words[i]!;
                      return (
                        <span key={i} data-word={i} className={`t-${band(w, threshold)}${i === current ? ' current' : ''}${citedWords.has(i) ? ' cited' : ''}`} onClick={() => setCurrent(i)}>
                          {w.text}{' '}
                        </span>
                      );
                    })}
                  </div>
                ))}
              </div>
            </section>
          </div>
          <section className="ocr-proposals" aria-label="Proposals" data-testid="ocr-proposals">
            <h3>Found on this page: nothing enters the record until you accept it</h3>
            {labsAndMore.length === 0 && <p className="muted">No lab results, vital signs or medications were recognised on this page.</p>}
            <table>
              <thead>
                <tr>
                  <th>What</th>
                  <th>Printed on the page</th>
                  <th>Read as</th>
                  <th>Confidence</th>
                  <th>Decision</th>
                </tr>
              </thead>
              <tbody>
                {labsAndMore.map((p) => (
                  <ProposalRow
                    key={p.id}
                    item={p}
                    cited={p === citedProposal}
                    editing={editing === p.id}
                    onEdit={() => setEditing(p.id)}
                    onCancel={() => setEditing(null)}
                    onDecide={(d, edits) => void decide(p, d, edits)}
                    onFocusBoxes={(boxes) => setHighlight(boxes)}
                  />
                ))}
              </tbody>
            </table>
            {dates.length > 0 && (
              <p className="muted ocr-dates">
                Dates read (used for the results above):{' '}
                {dates.map((d) => (d.proposal.kind === 'date' ? `${d.proposal.role} ${d.proposal.date} (“${d.proposal.evidence.read}”)` : '')).join(' · ')}
              </p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function WordEditor(props: { text: string; confidence: number; corrected: boolean; open: boolean; onOpen: () => void; onCancel: () => void; onSave: (text: string) => void }) {
  const [value, setValue] = useState(props.text);
  return (
    <div className="ocr-word-editor" data-testid="ocr-current-word">
      {props.open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            props.onSave(value);
          }}
        >
          <label>
            Correct “{props.text}” to{' '}
            <input autoFocus value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()} aria-label="Corrected word" />
          </label>{' '}
          <button type="submit" className="btn btn-primary">
            Save
          </button>{' '}
          <button type="button" className="btn" onClick={props.onCancel}>
            Cancel
          </button>
        </form>
      ) : (
        <span>
          Selected: <strong>“{props.text}”</strong> {props.corrected ? '(corrected by you)' : `${Math.round(props.confidence)}% confidence`}{' '}
          <button type="button" className="btn" onClick={props.onOpen}>
            Correct
          </button>
        </span>
      )}
    </div>
  );
}

const STATUS_LABEL = { pending: 'To review', accepted: 'Accepted · in the record', edited: 'Accepted with your edits · in the record', rejected: 'Rejected' } as const;

function ProposalRow(props: {
  item: StoredProposalView;
  cited: boolean;
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onDecide: (decision: 'accept' | 'edit' | 'reject', edits?: ProposalEdits) => void;
  onFocusBoxes: (boxes: Box[]) => void;
}) {
  const { item } = props;
  const shown = item.final ?? item.proposal;
  const p = item.proposal;
  const name = p.kind === 'lab' ? p.display : p.kind === 'medication' || p.kind === 'name' ? p.name : p.kind === 'vital' ? p.vital : p.kind === 'diagnosis' ? p.code : 'date';
  return (
    <>
      <tr
        className={`ocr-proposal status-${item.status}${props.cited ? ' cited' : ''}`}
        data-testid="ocr-proposal"
        data-status={item.status}
        onMouseEnter={() => props.onFocusBoxes(p.evidence.boxes)}
        onMouseLeave={() => props.onFocusBoxes([])}
        onFocus={() => props.onFocusBoxes(p.evidence.boxes)}
      >
        <td>{KIND_LABEL[p.kind]}</td>
        <td>
          <code>{p.evidence.read}</code>
          {nearMatch(p) && <div className="ocr-near">{nearMatch(p)}</div>}
        </td>
        <td>
          {matchedText(shown)}
          {p.repaired && <div className="ocr-repaired">Check: {p.repaired}</div>}
        </td>
        <td>{Math.round(p.confidence)}%</td>
        <td>
          {item.status === 'pending' ? (
            <span className="ocr-decide">
              <button type="button" className="btn btn-primary" aria-label={`Accept ${name}`} onClick={() => props.onDecide('accept')}>
                Accept
              </button>
              <button type="button" className="btn" aria-label={`Edit ${name}`} onClick={props.onEdit}>
                Edit
              </button>
              <button type="button" className="btn" aria-label={`Reject ${name}`} onClick={() => props.onDecide('reject')}>
                Reject
              </button>
            </span>
          ) : (
            <span className={`ocr-status ${item.status}`} data-testid="ocr-proposal-status">
              {STATUS_LABEL[item.status]}
            </span>
          )}
        </td>
      </tr>
      {props.editing && item.status === 'pending' && (
        <tr className="ocr-edit-row">
          <td colSpan={5}>
            <ProposalEditor item={item} onCancel={props.onCancel} onSave={(edits) => props.onDecide('edit', edits)} />
          </td>
        </tr>
      )}
    </>
  );
}

type Field = { key: keyof ProposalEdits; label: string; numeric: boolean; initial: string };

function fieldsOf(item: StoredProposalView): Field[] {
  const p = item.proposal;
  const s = (v: string | number | null) => (v === null ? '' : String(v));
  switch (p.kind) {
    case 'lab':
      return [
        { key: 'value', label: 'Value', numeric: true, initial: s(p.value) },
        { key: 'unit', label: 'Unit', numeric: false, initial: p.ucum ?? p.unit },
        { key: 'refLow', label: 'Range low', numeric: true, initial: s(p.refLow) },
        { key: 'refHigh', label: 'Range high', numeric: true, initial: s(p.refHigh) },
        { key: 'date', label: 'Date (YYYY-MM-DD)', numeric: false, initial: s(p.date) },
      ];
    case 'vital':
      return [
        { key: 'value', label: 'Value', numeric: true, initial: s(p.value) },
        ...(p.vital === 'blood-pressure' ? [{ key: 'value2' as const, label: 'Diastolic', numeric: true, initial: s(p.value2) }] : []),
        { key: 'date', label: 'Date (YYYY-MM-DD)', numeric: false, initial: s(p.date) },
      ];
    case 'medication':
      return [
        { key: 'name', label: 'Medicine', numeric: false, initial: p.name },
        { key: 'strength', label: 'Strength', numeric: false, initial: s(p.strength) },
        { key: 'dose', label: 'Dose', numeric: false, initial: s(p.dose) },
        { key: 'frequency', label: 'Frequency', numeric: false, initial: s(p.frequency) },
      ];
    case 'date':
      return [{ key: 'date', label: 'Date (YYYY-MM-DD)', numeric: false, initial: p.date }];
    case 'name':
      return [{ key: 'name', label: 'Name', numeric: false, initial: p.name }];
    case 'diagnosis':
      return [{ key: 'code', label: 'ICD-10-CM code', numeric: false, initial: p.code }];
  }
}

function ProposalEditor({ item, onCancel, onSave }: { item: StoredProposalView; onCancel: () => void; onSave: (edits: ProposalEdits) => void }) {
  const fields = fieldsOf(item);
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(fields.map((f) => [f.key, f.initial])));
  const [problem, setProblem] = useState<string | null>(null);
  function save() {
    const edits: Record<string, string | number | null> = {};
    for (const f of fields) {
      const raw = (values[f.key] ?? '').trim();
      if (raw === f.initial) continue;
      if (raw === '') {
        if (f.key === 'value' || f.key === 'unit' || f.key === 'name') return setProblem(`${f.label} cannot be empty.`);
        edits[f.key] = null;
      } else if (f.numeric) {
        const n = Number(raw.replace(',', '.'));
        if (!Number.isFinite(n)) return setProblem(`${f.label}: “${raw}” is not a number.`);
        edits[f.key] = n;
      } else edits[f.key] = raw;
    }
    if (Object.keys(edits).length === 0) return setProblem('Nothing was changed: use Accept instead.');
    onSave(edits as ProposalEdits);
  }
  return (
    <form
      className="ocr-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {fields.map((f) => (
        <label key={f.key}>
          {f.label}
          <input value={values[f.key] ?? ''} inputMode={f.numeric ? 'decimal' : 'text'} onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))} />
        </label>
      ))}
      <button type="submit" className="btn btn-primary">
        Accept with these values
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      {problem && (
        <span className="error-line" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}

const HOW: Record<string, string> = { words: 'every doubtful word looked at', accepted: 'accepted as read without checking every word', 'text-layer': "the PDF's own text, nothing recognized" };

/** Pure: whether this page is reviewed, and the override that closes it without looking at every doubtful word. */
function PageReviewBar(props: { review: DocumentPage['review']; confirming: boolean; onAsk: () => void; onCancel: () => void; onAccept: () => void }) {
  const { review } = props;
  if (review.reviewed) {
    return (
      <div className="ocr-review-state done" role="status" data-testid="ocr-page-review">
        Page {review.page} reviewed{review.how ? `: ${HOW[review.how]}` : ''}
        {review.by ? ` (${review.by}${review.at ? `, ${formatDateTime(review.at)}` : ''})` : ''}.
      </div>
    );
  }
  return (
    <div className="ocr-review-state" role="status" data-testid="ocr-page-review">
      <strong>Page {review.page} is unreviewed:</strong> {review.wordsLeft} of {review.lowWords} doubtful {review.lowWords === 1 ? 'word' : 'words'} not looked at yet (Next moves through them).{' '}
      {props.confirming ? (
        <>
          Accept the page as read without checking {review.wordsLeft === 1 ? 'it' : 'them'}? This is recorded in the audit trail.{' '}
          <button type="button" className="btn btn-danger" onClick={props.onAccept} data-testid="ocr-accept-page">
            Accept as read
          </button>{' '}
          <button type="button" className="btn" onClick={props.onCancel}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="btn" onClick={props.onAsk}>
          Accept the page as read…
        </button>
      )}
    </div>
  );
}
