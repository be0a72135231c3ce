import type { Box } from '../../electron/api/ocr-schemas';

/** The smallest box holding all of a citation's word boxes. */
export function unionOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
}

/**
 * How the page is shown when a citation opens it: zoomed so the cited
 * words are at least at their scanned size (never below the width fit,
 * never so far that the words overflow the view), and scrolled so they sit
 * in the middle of it. Pure: the pane applies it.
 */
export function focusView(input: {
  boxes: readonly Box[];
  page: { width: number; height: number };
  stage: { width: number; height: number };
  limits: { min: number; max: number };
}): { zoom: number; scrollLeft: number; scrollTop: number } {
  const { page, stage, limits } = input;
  const fitWidth = (stage.width - 2) / page.width;
  const union = unionOf(input.boxes) ?? { x: 0, y: 0, w: page.width, h: page.height };
  let zoom = Math.max(1, fitWidth);
  // The cited words must fit across the view, with a margin.
  zoom = Math.min(zoom, (stage.width * 0.9) / Math.max(1, union.w));
  zoom = Math.floor(Math.min(limits.max, Math.max(limits.min, zoom)) * 100) / 100;
  const centreX = (union.x + union.w / 2) * zoom;
  const centreY = (union.y + union.h / 2) * zoom;
  const clamp = (v: number, max: number) => Math.round(Math.max(0, Math.min(v, Math.max(0, max))));
  return {
    zoom,
    scrollLeft: clamp(centreX - stage.width / 2, page.width * zoom - stage.width),
    scrollTop: clamp(centreY - stage.height / 2, page.height * zoom - stage.height),
  };
}
