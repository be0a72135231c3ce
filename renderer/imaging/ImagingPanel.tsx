import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DicomImportOutcome, ImagingSeries, ImagingStudy } from '../../electron/api/imaging-schemas';
import { call, errorMessage, upload } from '../api/client';
import { useFindingFocus } from '../shell/finding-focus';
import { isOnFrame, locateInstance } from './cited-finding';
import { CitedFindingBar } from './CitedFindingBar';
import { cornerstoneTools } from './cornerstone-setup';
import { DecisionSupport } from './DecisionSupport';
import { defaultPrior, otherSeries, sameAnatomy } from './hanging';
import './imaging.css';
import { PacsPull } from './PacsPull';
import { XrayViewer } from './XrayViewer';
import { FileInput, ImportReport } from '../ui/FileInput';
import { FileAnywayButton, IdentityComparison } from '../ui/IdentityComparison';
import { formatDate } from '../ui/format';

interface Sync {
  add(el: HTMLElement): void;
  remove(el: HTMLElement): void;
  destroy(): void;
}

interface Pending {
  readonly fileName: string;
  /** The file as chosen: asked again with the clinician's chart, it is sent again (read from disk, not kept in memory). */
  readonly file: File;
  readonly outcome: DicomImportOutcome;
}

/**
 * Smart container: a patient's DICOM studies; the chosen series in the
 * viewer with, beside it, the most recent prior of the same anatomy and view
 * (hanging.ts), zoom, pan and window kept in step; any other study can be
 * swapped in as the comparison. "Import DICOM…" files the chosen files under
 * a chart through 'imaging.import'; when the match is ambiguous or missing the
 * clinician chooses the chart, never the software. A citation of an X-ray
 * finding (brief, chat, details drawer, through finding-focus.ts) opens its
 * study, instance and frame here, with the finding drawn on the image.
 */
export function ImagingPanel({ patientId, patientName }: { patientId: string; patientName?: string }) {
  const [studies, setStudies] = useState<ImagingStudy[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // instanceId and frame: set when a citation opens an image other than the series' first (else its first, frame 0).
  const [current, setCurrent] = useState<{ studyId: string; seriesId: string; instanceId?: string; frame?: number } | null>(null);
  const [comparison, setComparison] = useState<string | null | undefined>(undefined); // series id; null: none; undefined: protocol's choice
  const [importLines, setImportLines] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const focus = useFindingFocus();
  const cited = focus.xrayFinding && focus.xrayFinding.patientId === patientId ? focus.xrayFinding : null;
  const [citedError, setCitedError] = useState<string | null>(null);
  const citedTop = useRef<HTMLDivElement>(null);

  const load = useCallback(
    (keepSelection: boolean) =>
      call('imaging.studies', { patientId })
        .then((r) => {
          setStudies(r.studies);
          setCurrent((cur) => {
            if (keepSelection && cur && r.studies.some((s) => s.id === cur.studyId)) return cur;
            const first = r.studies.find((s) => s.series.length > 0);
            return first ? { studyId: first.id, seriesId: first.series[0]!.id } : null;
          });
        })
        .catch((e) => setError(errorMessage(e))),
    [patientId],
  );

  useEffect(() => {
    setStudies(null);
    setCurrent(null);
    setComparison(undefined);
    setImportLines([]);
    setPending([]);
    void load(false);
  }, [load]);

  const importFiles = async (files: File[]) => {
    setBusy(true);
    const lines: string[] = [];
    const waiting: Pending[] = [];
    for (const file of files) {
      try {
        const outcome = await upload('imaging.import', { fileName: file.name, chartId: patientId }, file);
        if (outcome.status === 'ambiguous' || outcome.status === 'no-match' || outcome.status === 'mismatch') waiting.push({ fileName: file.name, file, outcome });
        else lines.push(outcome.status === 'imported' && outcome.patientId !== patientId ? `${outcome.message} (filed under another chart)` : outcome.message);
      } catch (e) {
        lines.push(`${file.name}: ${errorMessage(e)}`);
      }
    }
    setImportLines(lines);
    setPending(waiting);
    setBusy(false);
    await load(true);
  };

  const fileUnder = async (p: Pending, chartId: string | null, override = false) => {
    setPending((all) => all.filter((x) => x !== p));
    if (!chartId) {
      setImportLines((l) => [...l, `${p.fileName}: not imported`]);
      return;
    }
    try {
      const outcome = await upload('imaging.import', { fileName: p.fileName, patientId: chartId, ...(override ? { override: true } : {}) }, p.file);
      // The chosen chart does not match the file after all: the prompt again, with what differs.
      if (outcome.status === 'mismatch') setPending((all) => [...all, { ...p, outcome }]);
      else setImportLines((l) => [...l, outcome.message]);
    } catch (e) {
      setImportLines((l) => [...l, `${p.fileName}: ${errorMessage(e)}`]);
    }
    await load(true);
  };

  // A citation opened: show its study, instance and frame (once per opening, so the clinician may then look elsewhere).
  const shownSeq = useRef(0);
  const showCited = useCallback(() => {
    if (!cited || !studies) return;
    const at = cited.instanceId ? locateInstance(studies, cited.instanceId) : null;
    if (!at) {
      setCitedError(`The cited image (instance ${cited.instanceId ?? 'unknown'}) is not among this chart's imaging studies.`);
      return;
    }
    setCitedError(null);
    setCurrent({ ...at, instanceId: cited.instanceId!, frame: cited.frame });
    setComparison(undefined);
    // After React has drawn the bar and put the chosen image in the slot: both in sight, from the bar down.
    requestAnimationFrame(() => citedTop.current?.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior }));
  }, [cited, studies]);
  useEffect(() => {
    if (!cited) setCitedError(null);
    if (!cited || !studies || shownSeq.current === focus.seq) return;
    shownSeq.current = focus.seq;
    showCited();
  }, [cited, studies, focus.seq, showCited]);

  const study = studies?.find((s) => s.id === current?.studyId);
  const series = study?.series.find((s) => s.id === current?.seriesId);
  const instance = series?.instances.find((i) => i.id === current?.instanceId) ?? series?.instances[0];
  const frame = instance && instance.id === current?.instanceId ? (current?.frame ?? 0) : 0;
  const citedHere = instance && isOnFrame(cited, instance.id, frame) ? cited : null;
  const others = useMemo(() => (studies && study ? otherSeries(studies, study) : []), [studies, study]);
  const protocol = useMemo(() => (studies && study && series ? defaultPrior(studies, study, series) : null), [studies, study, series]);
  const compared = comparison === undefined ? protocol : comparison === null ? null : (others.find((r) => r.series.id === comparison) ?? null);

  // Zoom, pan and window in step between the two viewers (cornerstone-tools synchronizers), only when
  // both show the same modality, anatomy and view: a window copied onto another kind of image means nothing.
  const inStep = Boolean(compared && series && sameAnatomy(compared.series, series));
  const sync = useRef<{ panZoom: Sync; wwwc: Sync } | null>(null);
  const ready = useRef(new Set<HTMLElement>());
  const inStepRef = useRef(inStep);
  const applySync = useCallback(() => {
    const s = sync.current;
    if (!s) return;
    for (const el of ready.current) {
      s.panZoom.remove(el);
      s.wwwc.remove(el);
      if (inStepRef.current) {
        s.panZoom.add(el);
        s.wwwc.add(el);
      }
    }
  }, []);
  useEffect(() => {
    sync.current = {
      panZoom: new cornerstoneTools.Synchronizer('cornerstoneimagerendered', cornerstoneTools.panZoomSynchronizer),
      wwwc: new cornerstoneTools.Synchronizer('cornerstoneimagerendered', cornerstoneTools.wwwcSynchronizer),
    };
    return () => {
      sync.current?.panZoom.destroy();
      sync.current?.wwwc.destroy();
      sync.current = null;
    };
  }, []);
  useEffect(() => {
    inStepRef.current = inStep;
    applySync();
  }, [inStep, applySync]);
  const onViewer = useCallback(
    (el: HTMLElement, shown: boolean) => {
      if (shown) ready.current.add(el);
      else {
        ready.current.delete(el);
        sync.current?.panZoom.remove(el);
        sync.current?.wwwc.remove(el);
      }
      applySync();
    },
    [applySync],
  );

  const label = (st: ImagingStudy, se: ImagingSeries) =>
    `${formatDate(st.date, 'undated')} · ${[se.modality, se.bodyPart, se.viewPosition].filter(Boolean).join(' ')} · ${st.description ?? se.description ?? 'study'} (${se.instances.length})`;

  return (
    <section className="panel imaging-panel" data-testid="imaging-panel" aria-label="Imaging">
      <div className="imaging-head">
        <h2>Imaging</h2>
        <button type="button" className="btn" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? 'Importing…' : 'Import DICOM…'}
        </button>
        <PacsPull patientId={patientId} patientName={patientName} onImported={() => void load(true)} />
        <FileInput ref={input} testId="dicom-input" onFiles={(files) => void importFiles(files)} />
      </div>
      {error && <div className="error-line" role="alert">{error}</div>}
      {citedError && <div className="error-line" role="alert">{citedError}</div>}
      <ImportReport lines={importLines} testId="dicom-import-report" />
      {pending.map((p) => (
        <div key={p.fileName} className="imaging-choice identity-prompt" role="group" aria-label={`Choose the chart for ${p.fileName}`} data-testid="dicom-choice">
          <p className="identity-prompt-head">
            <strong>Not filed yet: {p.fileName}.</strong> {p.outcome.message.replace(`${p.fileName}: `, '').replace(/; choose the chart \(--patient ID\)$/, '').replace(/; not stored.*$/, '')}. Check whose image it
            is before filing it:
          </p>
          {p.outcome.checks.map((check) => (
            <div key={check.chart.id} className="identity-choice" data-testid="dicom-chart-choice" data-chart={check.chart.id}>
              <IdentityComparison check={check} fileLabel="In the DICOM file" />
              <p className={check.needsOverride ? 'identity-warning' : 'muted'}>{check.summary}.</p>
              {check.needsOverride ? (
                <FileAnywayButton check={check} what="this image" onFile={() => void fileUnder(p, check.chart.id, true)} />
              ) : (
                <button type="button" className="btn btn-primary" onClick={() => void fileUnder(p, check.chart.id)}>
                  File under {check.chart.name}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="btn" onClick={() => void fileUnder(p, null)} data-testid="dicom-do-not-import">
            Do not import
          </button>
        </div>
      ))}
      {studies && studies.length > 0 && (
        <>
          <ul className="imaging-studies">
            {studies.map((s) =>
              s.series.map((se) => (
                <li key={se.id}>
                  <button
                    type="button"
                    className={`btn${current?.seriesId === se.id ? ' active' : ''}`}
                    onClick={() => {
                      setCurrent({ studyId: s.id, seriesId: se.id });
                      setComparison(undefined);
                    }}
                  >
                    {label(s, se)}
                  </button>
                </li>
              )),
            )}
          </ul>
          {study && series && others.length > 0 && (
            <label className="imaging-compare">
              Compare with{' '}
              <select aria-label="Comparison study" value={compared?.series.id ?? ''} onChange={(e) => setComparison(e.target.value || null)}>
                <option value="">no comparison</option>
                {others.map((r) => (
                  <option key={r.series.id} value={r.series.id}>
                    {`${label(r.study, r.series)}${protocol?.series.id === r.series.id ? ' · same view, most recent prior' : ''}`}
                  </option>
                ))}
              </select>
            </label>
          )}
          {compared && (
            <div className="imaging-sync" data-testid="imaging-sync">
              {inStep ? 'Zoom, pan and window kept in step' : 'Not kept in step: a different modality, body part or view'}
            </div>
          )}
          {cited && (
            <div ref={citedTop}>
              <CitedFindingBar finding={cited} shown={citedHere !== null} onShow={showCited} onClear={focus.closeXray} />
            </div>
          )}
          <div className={`imaging-hanging${compared ? ' two' : ''}`}>
            {study && series && instance && (
              <div className="imaging-slot" data-testid="current-slot">
                <div className="imaging-slot-title">
                  Current · {formatDate(study.date, 'undated')}
                  {series.instances.length > 1 ? ` · image ${series.instances.indexOf(instance) + 1} of ${series.instances.length}` : ''}
                  {instance.frames > 1 ? ` · frame ${frame + 1} of ${instance.frames}` : ''}
                </div>
                <XrayViewer key={`${instance.id}#${frame}`} patientId={patientId} study={study} series={series} instance={instance} frame={frame} cited={citedHere} onViewer={onViewer} />
                <DecisionSupport
                  key={`ds-${instance.id}`}
                  image={{ instanceId: instance.id }}
                  kind={{ kind: 'dicom', modality: series.modality, bodyPart: series.bodyPart }}
                />
              </div>
            )}
            {compared && compared.series.instances[0] && (
              <div className="imaging-slot" data-testid="prior-slot">
                <div className="imaging-slot-title">Prior · {formatDate(compared.study.date, 'undated')}</div>
                <XrayViewer key={compared.series.instances[0].id} patientId={patientId} study={compared.study} series={compared.series} instance={compared.series.instances[0]} onViewer={onViewer} />
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
