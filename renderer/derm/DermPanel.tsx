import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImagingFindingDto, Lesion, PhotoSummary } from '../../electron/api/photo-schemas';
import { call, errorMessage, upload } from '../api/client';
import { CitedFinding } from './CitedFinding';
import './derm.css';
import { useFindingFocus } from '../shell/finding-focus';
import { FindingsList } from './FindingsList';
import { day } from './format';
import { LesionCompare } from './LesionCompare';
import { PhotoWorkbench } from './PhotoWorkbench';
import { FileInput, ImportReport } from '../ui/FileInput';
import { useFindingsRevision } from '../shell/findings-revision';
import { chartChanged } from '../shell/chart-changes';

/** Photos grouped for the list: body site, then lesion (or none), oldest first. */
function groups(photos: readonly PhotoSummary[], lesions: readonly Lesion[]): Array<{ site: string; lesion: Lesion | null; photos: PhotoSummary[] }> {
  const out = new Map<string, { site: string; lesion: Lesion | null; photos: PhotoSummary[] }>();
  for (const p of photos) {
    const lesion = lesions.find((l) => l.id === (p.lesionId ?? p.outlines[0]?.lesionId)) ?? null;
    const key = `${p.bodySite}|${lesion?.id ?? ''}`;
    if (!out.has(key)) out.set(key, { site: p.bodySite, lesion, photos: [] });
    out.get(key)!.photos.push(p);
  }
  return [...out.values()].sort((a, b) => a.site.localeCompare(b.site) || (a.lesion?.name ?? '').localeCompare(b.lesion?.name ?? ''));
}

/**
 * Smart container: a patient's clinical photos by body site and lesion, the
 * chosen photo with calibration and outline tools, a lesion's dates side by
 * side, and the image findings (proposed, then confirmed by the clinician
 * into facts the assistant cites). A citation of such a fact opens here, at
 * its image and annotation.
 */
export function DermPanel({ patientId }: { readonly patientId: string }) {
  const [photos, setPhotos] = useState<PhotoSummary[]>([]);
  const [lesions, setLesions] = useState<Lesion[]>([]);
  const [findings, setFindings] = useState<ImagingFindingDto[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [compare, setCompare] = useState<string | null>(null);
  const [site, setSite] = useState('');
  const [date, setDate] = useState('');
  const [lesionChoice, setLesionChoice] = useState('');
  const [newLesion, setNewLesion] = useState('');
  const [lines, setLines] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const focus = useFindingFocus();
  // Findings recorded in the X-ray viewer belong in this list too.
  const findingsRevision = useFindingsRevision((s) => s.revision);
  const findingsChanged = useFindingsRevision((s) => s.changed);

  const load = useCallback(async () => {
    try {
      const [list, found] = await Promise.all([call('photos.list', { patientId }), call('findings.list', { patientId })]);
      setPhotos(list.photos);
      setLesions(list.lesions);
      setFindings(found.findings);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [patientId]);
  useEffect(() => {
    setSelected(null);
    setCompare(null);
    setLines([]);
    void load();
  }, [load]);
  useEffect(() => {
    if (findingsRevision > 0) void load();
  }, [findingsRevision, load]);

  const importFiles = async (files: File[]) => {
    setBusy(true);
    setError(null);
    const out: string[] = [];
    try {
      if (!site.trim()) throw new Error('Type the body site the photos show before choosing the files.');
      let lesionId = lesionChoice || undefined;
      if (lesionChoice === 'new') {
        if (!newLesion.trim()) throw new Error('Name the new lesion (for example “naevus left forearm”).');
        lesionId = (await call('lesions.create', { patientId, name: newLesion.trim(), bodySite: site.trim() })).id;
        setLesionChoice(lesionId);
        setNewLesion('');
      }
      for (const file of files) {
        try {
          const outcome = await upload('photos.import', { patientId, fileName: file.name, bodySite: site.trim(), ...(date ? { takenAt: date } : {}), ...(lesionId ? { lesionId } : {}) }, file);
          out.push(outcome.message);
          if (outcome.photo) setSelected(outcome.photo.id);
        } catch (e) {
          out.push(`${file.name}: ${errorMessage(e)}`);
        }
      }
    } catch (e) {
      setError(errorMessage(e));
    }
    setLines(out);
    setBusy(false);
    await load();
  };

  const decide = async (id: string, decision: 'confirm' | 'reject') => {
    try {
      await call('findings.decide', { findingId: id, decision });
      // A confirmed finding is a fact the brief now cites.
      if (decision === 'confirm') chartChanged(patientId, ['brief']);
      findingsChanged(); // this list and the X-ray viewer's buttons read them again
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const photo = photos.find((p) => p.id === selected) ?? null;
  const compared = lesions.find((l) => l.id === compare) ?? null;
  const cited = focus.finding && focus.finding.patientId === patientId ? focus.finding : null;
  const citedPhoto = cited?.photoId ? photos.find((p) => p.id === cited.photoId) : undefined;

  return (
    <section className="panel derm-panel" data-testid="derm-panel" aria-label="Photos and image findings">
      <div className="imaging-head">
        <h2>Photos and image findings</h2>
      </div>
      {focus.error && <div className="error-line" role="alert">{focus.error}</div>}
      {cited && <CitedFinding finding={cited} seq={focus.seq} size={citedPhoto ? { width: citedPhoto.width, height: citedPhoto.height } : null} onClose={focus.close} />}
      <form
        className="derm-import"
        onSubmit={(e) => {
          e.preventDefault();
          input.current?.click();
        }}
      >
        <label>
          Body site <input aria-label="Body site" placeholder="e.g. left forearm" value={site} onChange={(e) => setSite(e.target.value)} />
        </label>
        <label>
          Date taken <input type="date" aria-label="Date taken" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Lesion{' '}
          <select aria-label="Lesion" value={lesionChoice} onChange={(e) => setLesionChoice(e.target.value)}>
            <option value="">none</option>
            {lesions.map((l) => (
              <option key={l.id} value={l.id}>{`${l.name} (${l.bodySite})`}</option>
            ))}
            <option value="new">New lesion…</option>
          </select>
        </label>
        {lesionChoice === 'new' && <input aria-label="New lesion name" placeholder="name of the lesion" value={newLesion} onChange={(e) => setNewLesion(e.target.value)} />}
        <button type="submit" className="btn" disabled={busy}>
          {busy ? 'Importing…' : 'Import photos…'}
        </button>
        <span className="muted">JPEG or PNG; the camera's date is used when the photo carries one.</span>
        <FileInput ref={input} accept="image/jpeg,image/png" testId="photo-input" onFiles={(files) => void importFiles(files)} />
      </form>
      {error && <div className="error-line" role="alert">{error}</div>}
      <ImportReport lines={lines} testId="photo-import-report" />
      {photos.length === 0 ? (
        <p className="muted">No photos in this chart.</p>
      ) : (
        <div className="derm-groups" data-testid="photo-groups">
          {groups(photos, lesions).map((g) => (
            <div key={`${g.site}|${g.lesion?.id ?? ''}`} className="derm-group">
              <span className="derm-group-title">
                {g.site}
                {g.lesion ? ` · ${g.lesion.name}` : ''}
              </span>
              {g.photos.map((p) => (
                <button key={p.id} type="button" className={`btn${selected === p.id ? ' active' : ''}`} aria-pressed={selected === p.id} onClick={() => setSelected(p.id)}>
                  {day(p.takenAt)}
                  {p.calibration ? '' : ' · uncalibrated'}
                </button>
              ))}
              {g.lesion && (
                <button type="button" className={`btn${compare === g.lesion.id ? ' active' : ''}`} onClick={() => setCompare(compare === g.lesion!.id ? null : g.lesion!.id)}>
                  Compare dates
                </button>
              )}
            </div>
          ))}
        </div>
      )}
      {compared && <LesionCompare lesion={compared} photos={photos} />}
      {photo && <PhotoWorkbench key={photo.id} photo={photo} lesions={lesions} onChanged={load} onProposed={async () => findingsChanged()} />}
      <h3>Image findings</h3>
      <FindingsList findings={findings} onDecide={(id, d) => void decide(id, d)} onShow={focus.show} />
    </section>
  );
}
