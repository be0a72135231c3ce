import { describe, expect, it } from 'vitest';
import { claimParts } from '../../../renderer/ui/claim-parts';

describe('claimParts', () => {
  it('leaves a supported claim whole', () => {
    expect(claimParts({ text: 'HbA1c 7.9 %', problems: [] })).toEqual([{ text: 'HbA1c 7.9 %' }]);
  });

  it('marks each failing span with its reason, merging overlaps', () => {
    const parts = claimParts({
      text: 'HbA1c 8.4 % on 2025-03-02',
      problems: [
        { start: 15, end: 25, kind: 'date', message: 'date 2025-03-02: not in the cited source' },
        { start: 6, end: 11, kind: 'value', message: '8.4 %: no such value' },
        { start: 6, end: 9, kind: 'unit', message: 'unit' },
      ],
    });
    expect(parts).toEqual([
      { text: 'HbA1c ' },
      { text: '8.4 %', problem: '8.4 %: no such value; unit' },
      { text: ' on ' },
      { text: '2025-03-02', problem: 'date 2025-03-02: not in the cited source' },
    ]);
  });
});
