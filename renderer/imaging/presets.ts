/**
 * Window/level presets: width (W) and level/centre (L) in Hounsfield units.
 * Source: Radiopaedia, "Windowing (CT)" (rID 52108; Murphy A, Baba Y et al.),
 * https://radiopaedia.org/articles/windowing-ct, section "Common window widths
 * and levels", which lists each as W:width L:level. Checked value by value
 * against that table (test/unit/imaging/presets.test.ts pins them): brain
 * W:80 L:40, subdural W:200 L:75 (range W:130-300 L:50-100; mid-range taken),
 * stroke W:40 L:40, temporal bones W:2800 L:600, soft tissues W:400 L:50,
 * lungs W:1500 L:-600, liver W:150 L:30, bone W:1800 L:400.
 * Only meaningful for CT (Rescale to HU). Projection radiographs (CR, DX) have
 * no standard units, so they get the file's own VOI window and the full range.
 */
export interface WindowPreset {
  readonly id: string;
  readonly label: string;
  readonly width: number;
  readonly center: number;
}

export const CT_PRESETS: readonly WindowPreset[] = [
  { id: 'brain', label: 'Brain', width: 80, center: 40 },
  { id: 'subdural', label: 'Subdural', width: 200, center: 75 },
  { id: 'stroke', label: 'Stroke', width: 40, center: 40 },
  { id: 'temporal-bone', label: 'Temporal bone', width: 2800, center: 600 },
  { id: 'soft-tissue', label: 'Soft tissue', width: 400, center: 50 },
  { id: 'lung', label: 'Lung', width: 1500, center: -600 },
  { id: 'liver', label: 'Liver', width: 150, center: 30 },
  { id: 'bone', label: 'Bone', width: 1800, center: 400 },
];

/** The presets offered for an image: its own VOI window, the full range of its values, and CT presets for CT. */
export function presetsFor(modality: string | null, own: { center: number | null; width: number | null }, range: { min: number; max: number }): WindowPreset[] {
  const presets: WindowPreset[] = [];
  if (own.center !== null && own.width !== null && own.width > 0) presets.push({ id: 'file', label: 'As stored', width: own.width, center: own.center });
  const width = Math.max(1, range.max - range.min);
  presets.push({ id: 'full', label: 'Full range', width, center: range.min + width / 2 });
  if (modality === 'CT') presets.push(...CT_PRESETS);
  return presets;
}
