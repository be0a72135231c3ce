import { useEffect, useRef, useState } from 'react';
import type { DicomImportOutcome } from '../../electron/api/imaging-schemas';
import type { PacsStudy, PullProgressState } from '../../electron/api/pacs-schemas';
import { formatDate } from '../ui/format';
import { refusedStudies, usePacsPull } from './pacs-pull-store';
import './pacs-pull.css';

/**
 * "Pull from PACS…": the button in the imaging panel's import area and its
 * dialog. The clinic's PACS (address, user) is set once for the vault; the
 * password is typed here, never saved; the search lists what the PACS holds
 * for this chart with what is already here; the pull runs in the core with
 * progress per image, can be cancelled, and ends with a summary.
 * `onImported` reloads the imaging list after a pull of this chart.
 */
export function PacsPull({ patientId, patientName, onImported }: { patientId: string; patientName?: string | undefined; onImported: () => void }) {
  const store = usePacsPull();
  const pullOfThis = store.pull && store.pull.patientId === patientId ? store.pull : null;
  const active = pullOfThis && (pullOfThis.state === 'searching' || pullOfThis.state === 'pulling');

  // Reload the imaging list when a pull of this chart ends (also when the dialog was closed meanwhile).
  const seen = useRef(store.finishedSeq);
  useEffect(() => {
    if (store.finishedSeq === seen.current) return;
    seen.current = store.finishedSeq;
    if (store.pull?.patientId === patientId) onImported();
  }, [store.finishedSeq, store.pull?.patientId, patientId, onImported]);

  const done = pullOfThis?.outcomes.length ?? 0;
  return (
    <>
      <button type="button" className="btn" data-testid="pacs-pull-open" onClick={() => void store.show(patientId)}>
        {active ? `Pulling from PACS… ${done} of ${pullOfThis.total ?? '?'}` : 'Pull from PACS…'}
      </button>
      {store.open && store.patientId === patientId && <PacsDialog patientName={patientName} />}
    </>
  );
}

function PacsDialog({ patientName }: { patientName?: string | undefined }) {
  const store = usePacsPull();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  const pulling = store.pull !== null && (store.pull.state === 'searching' || store.pull.state === 'pulling');

  return (
    <div className="modal-backdrop" role="presentation">
      <div className="modal pacs-dialog" role="dialog" aria-modal="true" aria-labelledby="pacs-title" data-testid="pacs-dialog">
        <div className="modal-head">
          <h2 id="pacs-title">Pull from PACS{patientName ? ` · ${patientName}` : ''}</h2>
          <span className="spacer" />
          <button type="button" className="btn" onClick={store.close}>
            {pulling ? 'Close (the pull goes on)' : 'Close'}
          </button>
        </div>
        <SettingsSection />
        {store.pacs?.settings && !store.editingSettings && <SearchSection />}
        {store.result && <StudyList />}
        {store.pullError && (
          <div className="error-line" role="alert" data-testid="pacs-pull-error">
            {store.pullError}
          </div>
        )}
        {store.pull && store.pull.patientId !== store.patientId && (
          <p className="pacs-warning" role="note">
            A pull for another chart is still under way; you can pull for this chart when it ends.
          </p>
        )}
        {store.pull && <PullView pull={store.pull} />}
      </div>
    </div>
  );
}

function SettingsSection() {
  const store = usePacsPull();
  const settings = store.pacs?.settings ?? null;
  const [url, setUrl] = useState(settings?.url ?? '');
  const [user, setUser] = useState(settings?.user ?? '');
  useEffect(() => {
    setUrl(settings?.url ?? '');
    setUser(settings?.user ?? '');
  }, [settings?.url, settings?.user, store.editingSettings]);

  if (!store.pacs) return store.settingsError ? <div className="error-line" role="alert">{store.settingsError}</div> : <p className="muted">Reading the PACS settings…</p>;

  if (settings && !store.editingSettings) {
    return (
      <div className="pacs-settings-line" data-testid="pacs-settings">
        <span>
          Clinic PACS: <strong>{settings.url}</strong>
          {settings.user ? (
            <>
              {' '}· user <strong>{settings.user}</strong>
            </>
          ) : (
            ' · no sign-in'
          )}
        </span>
        <button type="button" className="btn btn-small" onClick={() => store.editSettings(true)}>
          Change…
        </button>
      </div>
    );
  }
  return (
    <form
      className="form pacs-settings-form"
      aria-label="Clinic PACS settings"
      onSubmit={(e) => {
        e.preventDefault();
        void store.saveSettings(url, user);
      }}
    >
      <p className="muted">
        {settings ? 'Change the PACS for the whole clinic.' : "The clinic's PACS is not set up yet."} Saved in the vault for every clinician; the password is never saved.
      </p>
      <div className="field">
        <label htmlFor="pacs-url">PACS address (DICOMweb)</label>
        <input id="pacs-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://pacs.clinic.lan:8042/dicom-web" autoComplete="off" spellCheck={false} />
        <span className="hint">The DICOMweb root your PACS administrator gave you, without a password in it.</span>
      </div>
      <div className="field">
        <label htmlFor="pacs-user">PACS user</label>
        <input id="pacs-user" value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" spellCheck={false} />
        <span className="hint">Leave empty if the PACS asks for no sign-in.</span>
      </div>
      {store.settingsError && (
        <div className="error-line" role="alert">
          {store.settingsError}
        </div>
      )}
      <div className="pacs-actions">
        <button type="submit" className="btn btn-primary" disabled={url.trim() === ''}>
          Save PACS settings
        </button>
        {settings && (
          <button type="button" className="btn" onClick={() => store.editSettings(false)}>
            Keep the current settings
          </button>
        )}
      </div>
    </form>
  );
}

function SearchSection() {
  const store = usePacsPull();
  const settings = store.pacs!.settings!;
  const needsPassword = settings.user !== null && !store.pacs!.passwordRemembered;
  return (
    <form
      className="pacs-search"
      aria-label="Search the PACS"
      onSubmit={(e) => {
        e.preventDefault();
        void store.search();
      }}
    >
      {store.pacs!.passwordInClear && (
        <div className="pacs-warning" role="note">
          This address starts with http:// and is not this computer: the password crosses the network unencrypted. Ask for an https:// address.
        </div>
      )}
      {needsPassword ? (
        <div className="pacs-password">
          <div className="field">
            <label htmlFor="pacs-password">PACS password for {settings.user}</label>
            <input id="pacs-password" type="password" value={store.password} onChange={(e) => store.setPassword(e.target.value)} autoComplete="off" />
          </div>
          <label className="pacs-remember">
            <input type="checkbox" checked={store.remember} onChange={(e) => store.setRemember(e.target.checked)} /> Keep it until Continuum locks (never saved)
          </label>
        </div>
      ) : (
        settings.user && (
          <p className="muted pacs-kept">
            The password for {settings.user} is kept until Continuum locks.{' '}
            <button type="button" className="btn-link" onClick={() => void store.forgetPassword()}>
              Forget it now
            </button>
          </p>
        )
      )}
      <div className="pacs-actions">
        <button type="submit" className={`btn${store.result ? '' : ' btn-primary'}`} disabled={store.searching || (needsPassword && store.password === '')}>
          {store.searching ? 'Searching the PACS…' : store.result ? 'Search again' : "Search the PACS for this patient's studies"}
        </button>
      </div>
      {store.searchError && (
        <div className="error-line" role="alert" data-testid="pacs-search-error">
          {store.searchError}
        </div>
      )}
    </form>
  );
}

function hereLabel(study: PacsStudy, refused: boolean): { text: string; kind: 'here' | 'partly' | 'new' | 'other' } {
  if (study.otherChart) return { text: 'Filed under another chart', kind: 'other' };
  if (refused && study.inVault === 0) return { text: 'Refused: see below', kind: 'other' };
  if (study.inVault === 0) return { text: 'Not here yet', kind: 'new' };
  if (study.instances !== null && study.inVault >= study.instances) return { text: 'Already here', kind: 'here' };
  return { text: `${study.inVault} of ${study.instances ?? '?'} here`, kind: 'partly' };
}

function StudyList() {
  const store = usePacsPull();
  const result = store.result!;
  const pulling = store.pull !== null && (store.pull.state === 'searching' || store.pull.state === 'pulling');
  const refused = refusedStudies(store.pull?.patientId === store.patientId ? store.pull : null);
  if (result.studies.length === 0) {
    return (
      <p className="pacs-empty" role="status" data-testid="pacs-no-studies">
        The PACS has no studies for this patient&apos;s record number.
      </p>
    );
  }
  // What the pull will download: the chosen studies' images less those already here.
  const images = result.studies.filter((s) => store.selected.includes(s.studyUid)).reduce((n, s) => n + Math.max(0, (s.instances ?? 0) - s.inVault), 0);
  return (
    <div className="pacs-studies">
      <table data-testid="pacs-studies">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Pull</span>
            </th>
            <th scope="col">Date</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
            <th scope="col" className="n">
              Images
            </th>
            <th scope="col">In Continuum</th>
          </tr>
        </thead>
        <tbody>
          {result.studies.map((study) => {
            const here = hereLabel(study, refused.has(study.studyUid));
            const id = `pacs-study-${study.studyUid}`;
            return (
              <tr key={study.studyUid} data-testid="pacs-study">
                <td>
                  <input
                    id={id}
                    type="checkbox"
                    aria-label={`Pull the ${study.modalities.join('/') || 'imaging'} study of ${study.date ? formatDate(study.date) : 'unknown date'}`}
                    checked={store.selected.includes(study.studyUid)}
                    disabled={pulling || study.otherChart}
                    onChange={() => store.toggle(study.studyUid)}
                  />
                </td>
                <td>
                  <label htmlFor={id}>{study.date ? formatDate(study.date) : 'No date'}</label>
                </td>
                <td>{study.modalities.join(', ') || '—'}</td>
                <td>{study.description ?? '—'}</td>
                <td className="n">{study.instances ?? '?'}</td>
                <td>
                  <span className={`pacs-here ${here.kind}`}>{here.text}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="pacs-actions">
        <button type="button" className="btn btn-primary" data-testid="pacs-pull-start" disabled={pulling || store.selected.length === 0} onClick={() => void store.startPull()}>
          {store.selected.length === 0 ? 'Choose the studies to pull' : `Pull ${store.selected.length === 1 ? '1 study' : `${store.selected.length} studies`} (${images} new image${images === 1 ? '' : 's'})`}
        </button>
        <span className="muted">Images already here are not downloaded again.</span>
      </div>
    </div>
  );
}

const STATUS_WORDS: Record<DicomImportOutcome['status'], string> = {
  imported: 'Imported',
  'already-imported': 'Already here',
  ambiguous: 'Not imported',
  'no-match': 'Not imported',
  mismatch: 'Not imported',
  rejected: 'Refused',
};

/** An outcome's message without the instance's WADO-RS address in front (shown on hover instead). */
function reason(outcome: DicomImportOutcome): string {
  const text = outcome.message.startsWith(`${outcome.file}: `) ? outcome.message.slice(outcome.file.length + 2) : outcome.message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function PullView({ pull }: { pull: PullProgressState }) {
  const store = usePacsPull();
  const running = pull.state === 'searching' || pull.state === 'pulling';
  const count = (statuses: DicomImportOutcome['status'][]) => pull.outcomes.filter((o) => statuses.includes(o.status)).length;
  const imported = count(['imported']);
  const already = count(['already-imported']);
  const refused = pull.outcomes.filter((o) => o.status !== 'imported' && o.status !== 'already-imported');
  const total = pull.total;
  return (
    <section className="pacs-pull" aria-label="Pull progress" data-testid="pacs-progress">
      {running && (
        <>
          <p role="status">
            {pull.state === 'searching' || total === null
              ? 'Asking the PACS which images the chosen studies hold…'
              : `Pulling image ${Math.min(pull.outcomes.length + 1, total)} of ${total}…`}
          </p>
          <progress max={total ?? 1} value={total === null ? undefined : pull.outcomes.length} aria-label="Images pulled" />
          <div className="pacs-actions">
            <button type="button" className="btn" data-testid="pacs-pull-cancel" onClick={() => void store.cancelPull()}>
              Cancel the pull
            </button>
            <span className="muted">Images imported so far are kept.</span>
          </div>
        </>
      )}
      {!running && (
        <div className={`pacs-summary ${pull.state}`} role="status" data-testid="pacs-summary">
          <strong>
            {pull.state === 'done' && 'Pull finished.'}
            {pull.state === 'cancelled' && `Pull cancelled after ${pull.outcomes.length} of ${total ?? '?'} images.`}
            {pull.state === 'failed' && 'The pull stopped.'}
          </strong>{' '}
          {imported} imported · {already} already here · {refused.length} refused
          {pull.state !== 'done' && total !== null && total > pull.outcomes.length && ` · ${total - pull.outcomes.length} not pulled`}
          {pull.error && <div className="error-line">{pull.error}</div>}
          {imported > 0 && <div className="muted">The new images are in the chart&apos;s imaging list: close this window to see them.</div>}
          {(pull.state === 'cancelled' || pull.state === 'failed') && <div className="muted">Pull again to get the rest: what is here is not downloaded twice.</div>}
        </div>
      )}
      {refused.length > 0 && (
        <div className="pacs-refused" data-testid="pacs-refused">
          <strong>Refused, with the reason:</strong>
          <ul>
            {refused.map((o) => (
              <li key={o.file} title={o.file}>
                {reason(o)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {pull.outcomes.length > 0 && (
        <details className="pacs-outcomes" open={running}>
          <summary>Each image ({pull.outcomes.length})</summary>
          <ol data-testid="pacs-outcomes">
            {pull.outcomes.map((o) => (
              <li key={o.file} className={o.status} title={o.file}>
                <span className="pacs-status">{STATUS_WORDS[o.status]}</span> {reason(o)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
