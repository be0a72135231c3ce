import cornerstone from 'cornerstone-core';
import cornerstoneMath from 'cornerstone-math';
import cornerstoneTools from 'cornerstone-tools';
import Hammer from 'hammerjs';
import type { PixelSpacing } from '../../electron/api/imaging-schemas';
import { call } from '../api/client';
import { loadNativeImage, registerBytes } from './native-loader';

/**
 * cornerstone-core and cornerstone-tools, wired once. Images come from the
 * core through the contract ('imaging.instance': the Part 10 bytes) and are
 * decoded in the page by native-loader.ts ('continuum:' image ids): no URL,
 * no network.
 */
let ready = false;

/** Spacing per image id, as the core judged it: the Length tool's mm follow it, not the loader's own reading. */
const spacingByImageId = new Map<string, PixelSpacing>();

export function setupCornerstone(): void {
  if (ready) return;
  ready = true;
  cornerstone.registerImageLoader('continuum', loadNativeImage);
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

const imageIds = new Map<string, string>();

/** The cornerstone image id of a stored instance, fetching its bytes from the core once. */
export async function imageIdFor(instanceId: string, spacing: PixelSpacing): Promise<string> {
  setupCornerstone();
  const known = imageIds.get(instanceId);
  if (known) return known;
  const { base64 } = await call('imaging.instance', { instanceId });
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const imageId = registerBytes(instanceId, bytes);
  spacingByImageId.set(imageId, spacing);
  imageIds.set(instanceId, imageId);
  return imageId;
}

export { cornerstone, cornerstoneTools };
