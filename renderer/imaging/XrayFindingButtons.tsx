import { useEffect, useState } from 'react';
import type { ImagingInstance, Point } from '../../electron/api/imaging-schemas';
import type { ImagingFindingDto } from '../../electron/api/photo-schemas';
import { call, errorMessage } from '../api/client';
import { cornerstoneTools } from './cornerstone-setup';
import { useFindingsRevision } from '../shell/findings-revision';
import { chartChanged } from '../shell/chart-changes';

interface Measured {
  readonly key: string;
  readonly label: string;
  readonly kind: 'length' | 'angle' | 'text';
  readonly points: Point[];
  /** A text note's own text (its finding's text); none for a length or angle. */
  readonly text?: string;
}

/** The X-ray viewer's lengths, angles and text notes, from the cornerstone tools' state, as finding annotations (image pixels). */
function measuredOn(el: HTMLElement): Measured[] {
  const at = (h: { x: number; y: number }) => ({ x: Math.round(h.x * 10) / 10, y: Math.round(h.y * 10) / 10 });
  const lengths = (cornerstoneTools.getToolState(el, 'Length')?.data ?? []) as Array<{ uuid: string; handles: { start: Point; end: Point } }>;
  const angles = (cornerstoneTools.getToolState(el, 'Angle')?.data ?? []) as Array<{ uuid: string; handles: { start: Point; middle: Point; end: Point } }>;
  // A note is pinned where its arrow points (the start handle); one still waiting for its text is not offered.
  const notes = ((cornerstoneTools.getToolState(el, 'ArrowAnnotate')?.data ?? []) as Array<{ uuid: string; text?: string; handles: { start: Point } }>).filter((d) => d.text?.trim());
  return [
    ...lengths.map((d, i) => ({ key: d.uuid, label: `Length ${i + 1}`, kind: 'length' as const, points: [at(d.handles.start), at(d.handles.end)] })),
    ...angles.map((d, i) => ({ key: d.uuid, label: `Angle ${i + 1}`, kind: 'angle' as const, points: [at(d.handles.start), at(d.handles.middle), at(d.handles.end)] })),
    ...notes.map((d, i) => ({ key: d.uuid, label: `Note ${i + 1}: “${d.text!.trim()}”`, kind: 'text' as const, points: [at(d.handles.start)], text: d.text!.trim() })),
  ];
}

/** Whether a recorded finding is the one this measurement is (same kind, same points to the stored 0.1 pixel, same note text). */
function sameAs(m: Measured, f: ImagingFindingDto): boolean {
  if (f.kind !== m.kind || f.points.length !== m.points.length) return false;
  if (m.kind === 'text' && f.measures.text !== m.text) return false;
  return f.points.every((p, i) => Math.abs(p.x - m.points[i]!.x) < 0.05 && Math.abs(p.y - m.points[i]!.y) < 0.05);
}

/**
 * "Record finding" for each length, angle or text note drawn on an X-ray:
 * the core measures it again from the stored spacing and keeps it as a
 * proposal, which the clinician confirms here (or in the findings list).
 * A confirmed finding is a fact the brief cites, so the brief is reloaded.
 * A measurement already recorded (the image opened again, its drawings kept
 * by cornerstone-tools) shows its finding instead of a second Record button;
 * one moved since is a new measurement and may be recorded.
 */
export function XrayFindingButtons({
  element,
  patientId,
  instance,
  frame = 0,
  version,
}: {
  readonly element: HTMLElement | null;
  readonly patientId: string;
  readonly instance: ImagingInstance;
  readonly frame?: number;
  readonly version: number;
}) {
  const [known, setKnown] = useState<ImagingFindingDto[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A finding decided in the findings list changes what these buttons show.
  const findingsRevision = useFindingsRevision((s) => s.revision);
  // Another image: forget the last one's findings at once (a reload after a decision keeps them until it answers).
  useEffect(() => setKnown([]), [patientId, instance.id, frame]);
  useEffect(() => {
    let gone = false;
    call('findings.list', { patientId })
      .then((r) => {
        if (!gone) setKnown(r.findings.filter((f) => f.instanceId === instance.id && f.frame === frame));
      })
      .catch((e) => {
        if (!gone) setError(errorMessage(e));
      });
    return () => {
      gone = true;
    };
  }, [patientId, instance.id, frame, findingsRevision]);
  void version; // re-read the tools' state whenever the viewer's readouts change
  if (!element) return null;
  const measured = measuredOn(element);
  if (measured.length === 0) return error ? <div className="error-line" role="alert">{error}</div> : null;
  const remember = (f: ImagingFindingDto) => setKnown((all) => [f, ...all.filter((x) => x.id !== f.id)]);
  // The newest finding this measurement is, a rejected one only when nothing else matches (it may be recorded again).
  const findingOf = (m: Measured) => known.find((f) => f.status !== 'rejected' && sameAs(m, f)) ?? known.find((f) => sameAs(m, f));
  const propose = async (m: Measured) => {
    try {
      // A note's text is its own; a length or angle takes the optional note typed beside the buttons.
      const text = m.kind === 'text' ? m.text : note.trim();
      remember(await call('findings.propose', { target: { kind: 'dicom', instanceId: instance.id, frame }, annotation: { kind: m.kind, points: m.points, ...(text ? { text } : {}) } }));
      useFindingsRevision.getState().changed();
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const decide = async (findingId: string, decision: 'confirm' | 'reject') => {
    try {
      const f = await call('findings.decide', { findingId, decision });
      remember(f);
      useFindingsRevision.getState().changed();
      if (decision === 'confirm') chartChanged(f.patientId, ['brief']);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="xray-findings" data-testid="xray-findings">
      <label>
        Note with a length or angle finding (optional) <input aria-label="Finding note" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ul>
        {measured.map((m) => {
          const p = findingOf(m);
          return (
            <li key={m.key}>
              {m.label}
              {p ? ' · ' : ' '}
              {(!p || p.status === 'rejected') && (
                <button type="button" className="btn" onClick={() => void propose(m)}>
                  Record finding
                </button>
              )}
              {p && (
                <span>
                  {p.status === 'pending' ? 'Proposed: ' : p.status === 'confirmed' ? 'In the record: ' : 'Rejected before: '}
                  {p.statement}{' '}
                  {p.status === 'pending' && (
                    <>
                      <button type="button" className="btn btn-primary" onClick={() => void decide(p.id, 'confirm')}>
                        Confirm finding
                      </button>{' '}
                      <button type="button" className="btn" onClick={() => void decide(p.id, 'reject')}>
                        Reject
                      </button>
                    </>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {error && <div className="error-line" role="alert">{error}</div>}
    </div>
  );
}
