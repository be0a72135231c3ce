import { describe, expect, it } from 'vitest';
import { CT_PRESETS, presetsFor } from '../../../renderer/imaging/presets';

describe('window presets (Radiopaedia, Windowing (CT))', () => {
  it('pins each CT preset to the cited width and level, width first (public viewers have shipped them swapped)', () => {
    const cited: Record<string, [width: number, level: number]> = {
      brain: [80, 40],
      subdural: [200, 75],
      stroke: [40, 40],
      'temporal-bone': [2800, 600],
      'soft-tissue': [400, 50],
      lung: [1500, -600],
      liver: [150, 30],
      bone: [1800, 400],
    };
    expect(Object.fromEntries(CT_PRESETS.map((p) => [p.id, [p.width, p.center]]))).toEqual(cited);
    for (const p of CT_PRESETS) expect(p.width).toBeGreaterThan(0);
  });

  it('offers CT presets for CT only; radiographs get their own window and the full range', () => {
    expect(presetsFor('CR', { center: 550, width: 1024 }, { min: 0, max: 4095 }).map((p) => p.id)).toEqual(['file', 'full']);
    expect(presetsFor('DX', { center: null, width: null }, { min: 0, max: 255 })).toEqual([{ id: 'full', label: 'Full range', width: 255, center: 127.5 }]);
    expect(presetsFor('CT', { center: 40, width: 100 }, { min: -1024, max: 3071 })).toHaveLength(2 + CT_PRESETS.length);
  });
});
