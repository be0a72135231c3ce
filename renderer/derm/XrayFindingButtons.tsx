import { useState } from 'react';
import type { ImagingInstance, Point } from '../../electron/api/imaging-schemas';
import { call, errorMessage } from '../api/client';
import { cornerstoneTools } from '../imaging/cornerstone-setup';

interface Measured {
  readonly key: string;
  readonly label: string;
  readonly kind: 'length' | 'angle';
  readonly points: Point[];
}

/** The X-ray viewer's lengths and angles, from the cornerstone tools' state, as finding annotations (image pixels). */
function measuredOn(el: HTMLElement): Measured[] {
  const at = (h: { x: number; y: number }) => ({ x: Math.round(h.x * 10) / 10, y: Math.round(h.y * 10) / 10 });
  const lengths = (cornerstoneTools.getToolState(el, 'Length')?.data ?? []) as Array<{ uuid: string; handles: { start: Point; end: Point } }>;
  const angles = (cornerstoneTools.getToolState(el, 'Angle')?.data ?? []) as Array<{ uuid: string; handles: { start: Point; middle: Point; end: Point } }>;
  return [
    ...lengths.map((d, i) => ({ key: d.uuid, label: `Length ${i + 1}`, kind: 'length' as const, points: [at(d.handles.start), at(d.handles.end)] })),
    ...angles.map((d, i) => ({ key: d.uuid, label: `Angle ${i + 1}`, kind: 'angle' as const, points: [at(d.handles.start), at(d.handles.middle), at(d.handles.end)] })),
  ];
}

/**
 * "Record finding" for each length or angle drawn on an X-ray: the core
 * measures it again from the stored spacing and keeps it as a proposal,
 * which the clinician confirms in the findings list (or here).
 */
export function XrayFindingButtons({ element, instance, version }: { readonly element: HTMLElement | null; readonly instance: ImagingInstance; readonly version: number }) {
  const [proposed, setProposed] = useState<Record<string, { id: string; statement: string; status: string }>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  void version; // re-read the tools' state whenever the viewer's readouts change
  if (!element) return null;
  const measured = measuredOn(element);
  if (measured.length === 0) return null;
  const propose = async (m: Measured) => {
    try {
      const f = await call('findings.propose', { target: { kind: 'dicom', instanceId: instance.id, frame: 0 }, annotation: { kind: m.kind, points: m.points, ...(note.trim() ? { text: note.trim() } : {}) } });
      setProposed((p) => ({ ...p, [m.key]: { id: f.id, statement: f.statement, status: f.status } }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const decide = async (key: string, decision: 'confirm' | 'reject') => {
    try {
      const f = await call('findings.decide', { findingId: proposed[key]!.id, decision });
      setProposed((p) => ({ ...p, [key]: { id: f.id, statement: f.statement, status: f.status } }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="xray-findings" data-testid="xray-findings">
      <label>
        Note with the finding (optional) <input aria-label="Finding note" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ul>
        {measured.map((m) => {
          const p = proposed[m.key];
          return (
            <li key={m.key}>
              {m.label}{' '}
              {!p && (
                <button type="button" className="btn" onClick={() => void propose(m)}>
                  Record finding
                </button>
              )}
              {p && (
                <span>
                  {p.status === 'pending' ? 'Proposed: ' : p.status === 'confirmed' ? 'In the record: ' : 'Rejected: '}
                  {p.statement}{' '}
                  {p.status === 'pending' && (
                    <>
                      <button type="button" className="btn btn-primary" onClick={() => void decide(m.key, 'confirm')}>
                        Confirm finding
                      </button>{' '}
                      <button type="button" className="btn" onClick={() => void decide(m.key, 'reject')}>
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
