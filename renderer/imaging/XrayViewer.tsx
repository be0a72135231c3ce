import { useEffect, useRef, useState } from 'react';
import { angleDegrees, lengthMm, spacingWarning, type ImagingInstance, type ImagingSeries, type ImagingStudy, type Point } from '../../electron/api/imaging-schemas';
import type { ImagingFindingDto } from '../../electron/api/photo-schemas';
import { errorMessage } from '../api/client';
import { XrayFindingButtons } from './XrayFindingButtons';
import { CitedFindingOverlay } from './CitedFindingOverlay';
import { cornerstone, cornerstoneTools, imageIdFor, setupCornerstone } from './cornerstone-setup';
import { decodeInfo, requestFrame } from './frame-loader';
import { NotePrompt, type NoteAsk } from './NotePrompt';
import { presetsFor, type WindowPreset } from './presets';
import { formatDate } from '../ui/format';

type ToolName = 'Wwwc' | 'Pan' | 'Zoom' | 'Length' | 'Angle' | 'ArrowAnnotate';
const TOOLS: ReadonlyArray<[ToolName, string]> = [
  ['Wwwc', 'Window'],
  ['Pan', 'Pan'],
  ['Zoom', 'Zoom'],
  ['Length', 'Length'],
  ['Angle', 'Angle'],
  // cornerstone-tools' arrow with a text label: the arrow's tip is the point the note is about.
  ['ArrowAnnotate', 'Text note'],
];
/** The tools whose drawings the Reset button removes. */
const DRAWING_TOOLS: readonly ToolName[] = ['Length', 'Angle', 'ArrowAnnotate'];

interface Readout {
  readonly key: string;
  readonly text: string;
}

interface Handle {
  x: number;
  y: number;
}

/**
 * One DICOM frame with window/level, zoom, pan, invert, rotate, flip, reset,
 * length/angle in mm and text notes; a cited finding on this frame is drawn
 * over it (CitedFindingOverlay), following every zoom, pan and rotation.
 */
export function XrayViewer({
  patientId,
  study,
  series,
  instance,
  frame = 0,
  cited = null,
  onViewer,
}: {
  /** The chart the image is filed under (its findings are listed per chart). */
  patientId: string;
  study: ImagingStudy;
  series: ImagingSeries;
  instance: ImagingInstance;
  /** The frame shown (0-based); 0 for the usual single-frame radiograph. */
  frame?: number;
  /** A cited finding drawn on this instance and frame, or null. */
  cited?: ImagingFindingDto | null;
  /** Told when the image is shown (true) and before the element goes (false): the panel keeps viewers in step. */
  onViewer?: (el: HTMLElement, ready: boolean) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [tool, setTool] = useState<ToolName>('Wwwc');
  const [presets, setPresets] = useState<WindowPreset[]>([]);
  const [view, setView] = useState({ ww: 0, wc: 0, scale: 1, invert: false, rotation: 0 });
  const [readouts, setReadouts] = useState<Readout[]>([]);
  const [decoded, setDecoded] = useState<string>('');
  const [previewShown, setPreviewShown] = useState(false);
  const [citedPoints, setCitedPoints] = useState<Point[]>([]);
  const [canvasWidth, setCanvasWidth] = useState(0);
  const [ask, setAsk] = useState<NoteAsk | null>(null);
  const onViewerRef = useRef(onViewer);
  onViewerRef.current = onViewer;
  const citedRef = useRef(cited);
  citedRef.current = cited;
  const askRef = useRef(ask);
  askRef.current = ask;
  const warning = spacingWarning(instance.spacing);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    setupCornerstone();
    let cancelled = false;
    setLoaded(false);
    setPreviewShown(false);
    setError(null);
    setReadouts([]);
    setCitedPoints([]);
    setAsk(null);
    cornerstone.enable(el);
    // The note's text is asked in the page (NotePrompt), not by the browser's prompt(); cancelling a new note removes its arrow.
    const askNote = (initial: string, done: (text: string | null) => void, onCancel: () => void) => {
      askRef.current?.cancel();
      setAsk({
        initial,
        submit: (text) => {
          setAsk(null);
          done(text);
        },
        cancel: () => {
          setAsk(null);
          onCancel();
        },
      });
    };
    const noteConfiguration = {
      getTextCallback: (done: (text: string | null) => void) => askNote('', done, () => done(null)),
      changeTextCallback: (data: { text?: string }, _event: unknown, done: (text: string | null) => void) => askNote(data.text ?? '', done, () => done(data.text ?? null)),
    };
    for (const [name] of TOOLS) {
      cornerstoneTools.addToolForElement(el, cornerstoneTools[`${name}Tool`], name === 'ArrowAnnotate' ? { configuration: noteConfiguration } : undefined);
    }
    cornerstoneTools.addToolForElement(el, cornerstoneTools.ZoomMouseWheelTool);
    cornerstoneTools.addToolForElement(el, cornerstoneTools.PanTool);
    let drawn = false;
    let fullDrawn = false;
    const onRendered = (event: Event) => {
      const detail = (event as CustomEvent).detail;
      if (!drawn) {
        // The first frame of this image is on the canvas, its preview or itself (bench/imaging.bench.ts measures up to here).
        drawn = true;
        performance.mark('continuum:xray-first-frame', { detail: { instanceId: instance.id } });
      }
      const isFull = detail.image?.width === instance.columns;
      if (isFull && !fullDrawn) {
        fullDrawn = true;
        performance.mark('continuum:xray-full-resolution', { detail: { instanceId: instance.id } });
      }
      const vp = detail.viewport;
      // A preview's scale is per preview pixel: shown as the full image's zoom.
      const scale = isFull || !detail.image?.width ? vp.scale : (vp.scale * detail.image.width) / instance.columns;
      setView({ ww: vp.voi.windowWidth, wc: vp.voi.windowCenter, scale, invert: vp.invert, rotation: vp.rotation });
      // The cited finding's image points onto the canvas as it is drawn now; never onto a preview (other pixel coordinates).
      const c = citedRef.current;
      setCitedPoints(isFull && c ? c.points.map((p) => cornerstone.pixelToCanvas(el, p) as Point) : []);
      setCanvasWidth(el.clientWidth);
    };
    const onMeasure = () => setReadouts(measurements(el, instance));
    el.addEventListener('cornerstoneimagerendered', onRendered);
    for (const name of ['cornerstonetoolsmeasurementcompleted', 'cornerstonetoolsmeasurementmodified', 'cornerstonetoolsmeasurementremoved']) {
      el.addEventListener(name, onMeasure);
    }
    void (async () => {
      try {
        const imageId = imageIdFor(instance.id, instance.spacing, frame);
        let fullShown = false;
        if (!cornerstone.imageCache.getImageLoadObject(imageId)) {
          // Not cached: ask for a preview sized for this canvas and draw it while the full frame streams in.
          // The tools stay off until the full image is shown, so nothing is ever measured on the preview.
          const dpr = window.devicePixelRatio || 1;
          const canvas = { width: Math.round(el.clientWidth * dpr), height: Math.round(el.clientHeight * dpr) };
          const { preview } = requestFrame(imageId, canvas.width > 0 && canvas.height > 0 ? canvas : undefined);
          void preview.then((small) => {
            if (!small || cancelled || fullShown) return;
            cornerstone.displayImage(el, small);
            setPreviewShown(true);
          });
        }
        const image = await cornerstone.loadAndCacheImage(imageId);
        if (cancelled) return;
        fullShown = true;
        setPreviewShown(false);
        // The full image's own default viewport (fit to the canvas): the preview's scale and displayed area were per preview pixel.
        cornerstone.displayImage(el, image, cornerstone.getDefaultViewportForImage(el, image));
        cornerstoneTools.setToolActiveForElement(el, 'Wwwc', { mouseButtonMask: 1 });
        cornerstoneTools.setToolActiveForElement(el, 'Pan', { mouseButtonMask: 4 });
        cornerstoneTools.setToolActiveForElement(el, 'Zoom', { mouseButtonMask: 2 });
        cornerstoneTools.setToolActiveForElement(el, 'ZoomMouseWheel', {});
        // Drawings kept from an earlier opening of this image (cornerstone-tools keeps them per image) are shown and listed again.
        for (const name of DRAWING_TOOLS) cornerstoneTools.setToolPassiveForElement(el, name);
        setReadouts(measurements(el, instance));
        setPresets(presetsFor(series.modality, { center: instance.windowCenter, width: instance.windowWidth }, { min: image.minPixelValue, max: image.maxPixelValue }));
        setTool('Wwwc');
        const info = decodeInfo.get(imageId);
        setDecoded(info ? `${info.decoder}, decoded in ${info.decodeMs} ms` : '');
        setLoaded(true);
        onViewerRef.current?.(el, true);
      } catch (e) {
        if (!cancelled) setError(`This image cannot be shown: ${decodeError(e)}`);
      }
    })();
    return () => {
      cancelled = true;
      onViewerRef.current?.(el, false);
      el.removeEventListener('cornerstoneimagerendered', onRendered);
      for (const name of ['cornerstonetoolsmeasurementcompleted', 'cornerstonetoolsmeasurementmodified', 'cornerstonetoolsmeasurementremoved']) {
        el.removeEventListener(name, onMeasure);
      }
      try {
        cornerstone.disable(el);
      } catch {
        // Never enabled.
      }
    };
  }, [instance, frame, series.modality]);

  // A citation opened (or cleared) on an image already shown: draw again, which maps the finding's points anew.
  useEffect(() => {
    const target = element.current;
    if (!loaded || !target) return;
    if (!cited) setCitedPoints([]);
    else cornerstone.updateImage(target);
  }, [cited, loaded]);

  const el = () => element.current;
  const choose = (name: ToolName) => {
    const target = el();
    if (!target || !loaded) return;
    cornerstoneTools.setToolActiveForElement(target, name, { mouseButtonMask: 1 });
    setTool(name);
  };
  const change = (fn: (vp: { voi: { windowWidth: number; windowCenter: number }; invert: boolean; rotation: number; hflip: boolean; vflip: boolean }) => void) => {
    const target = el();
    if (!target || !loaded) return;
    const vp = cornerstone.getViewport(target);
    fn(vp);
    cornerstone.setViewport(target, vp);
  };

  return (
    <div className="xray-viewer" data-testid="xray-viewer">
      <div className="xray-toolbar" role="toolbar" aria-label="Image tools">
        {TOOLS.map(([name, label]) => (
          <button key={name} type="button" className={`btn${tool === name ? ' active' : ''}`} aria-pressed={tool === name} onClick={() => choose(name)}>
            {label}
          </button>
        ))}
        <select aria-label="Window preset" value="" onChange={(e) => {
          const p = presets.find((x) => x.id === e.target.value);
          if (p) change((vp) => (vp.voi = { windowWidth: p.width, windowCenter: p.center }));
        }}>
          <option value="">Window preset…</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>{`${p.label} (W ${p.width} L ${p.center})`}</option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => change((vp) => (vp.invert = !vp.invert))}>Invert</button>
        <button type="button" className="btn" onClick={() => change((vp) => (vp.rotation = (vp.rotation + 90) % 360))}>Rotate</button>
        <button type="button" className="btn" onClick={() => change((vp) => (vp.hflip = !vp.hflip))}>Flip H</button>
        <button type="button" className="btn" onClick={() => change((vp) => (vp.vflip = !vp.vflip))}>Flip V</button>
        <button type="button" className="btn" onClick={() => {
          const target = el();
          if (target && loaded) {
            for (const name of DRAWING_TOOLS) cornerstoneTools.clearToolState(target, name);
            askRef.current?.cancel();
            cornerstone.reset(target);
            setReadouts([]);
          }
        }}>Reset</button>
      </div>
      {warning && (
        <div className="spacing-warning" role="status" data-testid="spacing-warning">
          {warning}
        </div>
      )}
      <div className="xray-stage">
        <div
          ref={element}
          className="xray-canvas"
          data-testid="xray-canvas"
          data-instance={instance.id}
          data-frame={frame}
          data-loaded={loaded ? 'true' : 'false'}
          data-scale={view.scale.toFixed(3)}
          onContextMenu={(e) => e.preventDefault()}
        />
        {cited && <CitedFindingOverlay finding={cited} points={citedPoints} width={canvasWidth} />}
        <div className="xray-overlay top-left" data-testid="xray-overlay">
          <div>{study.dicomPatientName ?? '—'} · {study.dicomPatientId ?? '—'}</div>
          <div>{[series.modality, series.bodyPart, series.viewPosition, series.laterality].filter(Boolean).join(' · ')}</div>
          <div>{formatDate(study.date, 'no study date')} · {study.description ?? series.description ?? ''}</div>
        </div>
        <div className="xray-overlay bottom-left">
          <div>{instance.columns} × {instance.rows} · {instance.transferSyntaxName}</div>
          <div>{spacingLine(instance)}</div>
          {previewShown && <div data-testid="xray-preview">Preview, full resolution loading…</div>}
          {decoded && <div data-testid="xray-decoder">{decoded}</div>}
        </div>
        <div className="xray-overlay bottom-right" data-testid="xray-viewport">
          <div>W {Math.round(view.ww)} L {Math.round(view.wc)}</div>
          <div>Zoom {Math.round(view.scale * 100)} %{view.invert ? ' · inverted' : ''}{view.rotation ? ` · ${view.rotation}°` : ''}</div>
        </div>
        {error && <div className="error-line xray-error" role="alert">{error}</div>}
      </div>
      {ask && <NotePrompt ask={ask} />}
      <ul className="xray-readouts" data-testid="measurements" aria-label="Measurements">
        {readouts.map((r) => (
          <li key={r.key}>{r.text}</li>
        ))}
      </ul>
      <XrayFindingButtons element={element.current} patientId={patientId} instance={instance} frame={frame} version={readouts.length + readouts.map((r) => r.text).join('').length} />
    </div>
  );
}

function spacingLine(instance: ImagingInstance): string {
  const s = instance.spacing;
  if (s.rowMm === null || s.columnMm === null) return s.status === 'invalid-zero' ? 'Pixel spacing invalid (zero)' : 'No pixel spacing';
  const what = s.status === 'known' ? 'Pixel spacing' : s.status === 'calibrated' ? 'Calibrated spacing' : 'Imager spacing (estimated)';
  return `${what} ${s.rowMm} × ${s.columnMm} mm`;
}

/** Lengths and angles from the tools' state, measured with the tested geometry (electron/api/imaging-schemas). */
function measurements(el: HTMLElement, instance: ImagingInstance): Readout[] {
  const out: Readout[] = [];
  const lengths = (cornerstoneTools.getToolState(el, 'Length')?.data ?? []) as Array<{ uuid: string; handles: { start: Handle; end: Handle } }>;
  lengths.forEach((d, i) => {
    const mm = lengthMm(d.handles.start, d.handles.end, instance.spacing);
    const px = Math.hypot(d.handles.end.x - d.handles.start.x, d.handles.end.y - d.handles.start.y);
    const qualifier = instance.spacing.status === 'estimated-from-imager' ? ' (estimated)' : instance.spacing.status === 'calibrated' ? ' (calibrated)' : '';
    out.push({ key: d.uuid, text: mm === null ? `Length ${i + 1}: ${px.toFixed(0)} px (no mm: spacing ${instance.spacing.status})` : `Length ${i + 1}: ${mm.toFixed(1)} mm${qualifier}` });
  });
  const angles = (cornerstoneTools.getToolState(el, 'Angle')?.data ?? []) as Array<{ uuid: string; handles: { start: Handle; middle: Handle; end: Handle } }>;
  angles.forEach((d, i) => {
    const deg = angleDegrees(d.handles.start, d.handles.middle, d.handles.end, instance.spacing);
    out.push({ key: d.uuid, text: `Angle ${i + 1}: ${deg === null ? '—' : `${deg.toFixed(1)}°`}` });
  });
  // A note counts once its text is saved (while it is being written it has none).
  const notes = ((cornerstoneTools.getToolState(el, 'ArrowAnnotate')?.data ?? []) as Array<{ uuid: string; text?: string }>).filter((d) => d.text);
  notes.forEach((d, i) => out.push({ key: d.uuid, text: `Note ${i + 1}: ${d.text}` }));
  return out;
}

function decodeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  const inner = (e as { error?: unknown } | null)?.error;
  if (inner instanceof Error) return inner.message;
  return errorMessage(e);
}
