import cornerstone from 'cornerstone-core';
import cornerstoneMath from 'cornerstone-math';
import cornerstoneTools from 'cornerstone-tools';
import Hammer from 'hammerjs';
import type { PixelSpacing } from '../../electron/api/imaging-schemas';
import { frameImageId, loadFrameImage } from './frame-loader';

/**
 * cornerstone-core and cornerstone-tools, wired once. Images come from the
 * core through the contract (the binary method 'imaging.framePixels': pixels
 * decoded in the core, compressed syntaxes included, sent as raw bytes) by
 * frame-loader.ts ('continuum:' image ids): no image URL, no WebAssembly
 * in the page.
 */
let ready = false;

/** Spacing per image id, as the core judged it: the Length tool's mm follow it, not the loader's own reading. */
const spacingByImageId = new Map<string, PixelSpacing>();

export function setupCornerstone(): void {
  if (ready) return;
  ready = true;
  cornerstone.registerImageLoader('continuum', loadFrameImage);
  cornerstoneTools.external.cornerstone = cornerstone;
  cornerstoneTools.external.cornerstoneMath = cornerstoneMath;
  cornerstoneTools.external.Hammer = Hammer;
  cornerstoneTools.init({ showSVGCursors: false, globalToolSyncEnabled: false });
  // Higher priority than the loader's provider: a zero or missing spacing yields no mm at all.
  cornerstone.metaData.addProvider((type: string, imageId: string) => {
    if (type !== 'imagePlaneModule') return undefined;
    const spacing = spacingByImageId.get(imageId);
    if (!spacing) return undefined;
    return {
      rowPixelSpacing: spacing.rowMm ?? undefined,
      columnPixelSpacing: spacing.columnMm ?? undefined,
      pixelSpacing: spacing.rowMm && spacing.columnMm ? [spacing.rowMm, spacing.columnMm] : undefined,
    };
  }, 10_000);
}

/** The cornerstone image id of a stored instance's frame; the loader fetches the decoded pixels on first use. */
export function imageIdFor(instanceId: string, spacing: PixelSpacing, frame = 0): string {
  setupCornerstone();
  const imageId = frameImageId(instanceId, frame);
  spacingByImageId.set(imageId, spacing);
  return imageId;
}

export { cornerstone, cornerstoneTools };
