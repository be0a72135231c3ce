import { useEffect, useRef, useState } from 'react';
import { angleDegrees, lengthMm, spacingWarning, type ImagingInstance, type ImagingSeries, type ImagingStudy } from '../../electron/api/imaging-schemas';
import { errorMessage } from '../api/client';
import { XrayFindingButtons } from '../derm/XrayFindingButtons';
import { cornerstone, cornerstoneTools, imageIdFor, setupCornerstone } from './cornerstone-setup';
import { decodeInfo, requestFrame } from './frame-loader';
import { presetsFor, type WindowPreset } from './presets';

type ToolName = 'Wwwc' | 'Pan' | 'Zoom' | 'Length' | 'Angle';
const TOOLS: ReadonlyArray<[ToolName, string]> = [
  ['Wwwc', 'Window'],
  ['Pan', 'Pan'],
  ['Zoom', 'Zoom'],
  ['Length', 'Length'],
  ['Angle', 'Angle'],
];

interface Readout {
  readonly key: string;
  readonly text: string;
}

interface Handle {
  x: number;
  y: number;
}

/** One DICOM image with window/level, zoom, pan, invert, rotate, flip, reset and length/angle in mm. */
export function XrayViewer({
  study,
  series,
  instance,
  onViewer,
}: {
  study: ImagingStudy;
  series: ImagingSeries;
  instance: ImagingInstance;
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
  const onViewerRef = useRef(onViewer);
  onViewerRef.current = onViewer;
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
    cornerstone.enable(el);
    for (const [name] of TOOLS) cornerstoneTools.addToolForElement(el, cornerstoneTools[`${name}Tool`]);
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
    };
    const onMeasure = () => setReadouts(measurements(el, instance));
    el.addEventListener('cornerstoneimagerendered', onRendered);
    for (const name of ['cornerstonetoolsmeasurementcompleted', 'cornerstonetoolsmeasurementmodified', 'cornerstonetoolsmeasurementremoved']) {
      el.addEventListener(name, onMeasure);
    }
    void (async () => {
      try {
        const imageId = imageIdFor(instance.id, instance.spacing);
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
  }, [instance, series.modality]);

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
            cornerstoneTools.clearToolState(target, 'Length');
            cornerstoneTools.clearToolState(target, 'Angle');
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
        <div ref={element} className="xray-canvas" data-testid="xray-canvas" data-loaded={loaded ? 'true' : 'false'} data-scale={view.scale.toFixed(3)} onContextMenu={(e) => e.preventDefault()} />
        <div className="xray-overlay top-left" data-testid="xray-overlay">
          <div>{study.dicomPatientName ?? '—'} · {study.dicomPatientId ?? '—'}</div>
          <div>{[series.modality, series.bodyPart, series.viewPosition, series.laterality].filter(Boolean).join(' · ')}</div>
          <div>{study.date ?? 'no study date'} · {study.description ?? series.description ?? ''}</div>
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
      <ul className="xray-readouts" data-testid="measurements" aria-label="Measurements">
        {readouts.map((r) => (
          <li key={r.key}>{r.text}</li>
        ))}
      </ul>
      <XrayFindingButtons element={element.current} instance={instance} version={readouts.length + readouts.map((r) => r.text).join('').length} />
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
  return out;
}

function decodeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  const inner = (e as { error?: unknown } | null)?.error;
  if (inner instanceof Error) return inner.message;
  return errorMessage(e);
}
