import { describe, expect, it } from 'vitest';
import type { ImagingSeries, ImagingStudy } from '../../../electron/api/imaging-schemas';
import { defaultPrior, otherSeries, sameAnatomy } from '../../../renderer/imaging/hanging';

function series(id: string, modality: string, bodyPart: string | null, view: string | null, laterality: string | null = null): ImagingSeries {
  return { id, seriesUid: id, number: 1, modality, bodyPart, viewPosition: view, laterality, description: null, instances: [] };
}
function study(id: string, date: string | null, ...s: ImagingSeries[]): ImagingStudy {
  return { id, studyUid: id, date, description: null, accessionNumber: null, modality: s[0]?.modality ?? null, dicomPatientName: null, dicomPatientId: null, series: s };
}

describe('hanging protocol: the most recent prior of the same anatomy and view', () => {
  const chestPa2024 = study('a', '2024-01-15', series('a1', 'DX', 'CHEST', 'PA'));
  const chestLat2023 = study('b', '2023-06-01', series('b1', 'DX', 'CHEST', 'LL'));
  const chestPa2021 = study('c', '2021-02-02', series('c1', 'DX', 'CHEST', 'PA'));
  const chestPa2019 = study('d', '2019-03-10', series('d1', 'DX', 'CHEST', 'PA'));
  const hand2022 = study('e', '2022-01-01', series('e1', 'CR', 'HAND', 'PA', 'L'));
  const chestPa2025 = study('f', '2025-01-01', series('f1', 'DX', 'CHEST', 'PA'));
  const all = [chestPa2019, hand2022, chestPa2024, chestLat2023, chestPa2021, chestPa2025];

  it('skips other views and later studies, and takes the newest earlier one', () => {
    expect(defaultPrior(all, chestPa2024, chestPa2024.series[0]!)?.series.id).toBe('c1');
    expect(defaultPrior(all, chestPa2021, chestPa2021.series[0]!)?.series.id).toBe('d1');
    expect(defaultPrior(all, chestPa2019, chestPa2019.series[0]!)).toBeNull();
    expect(defaultPrior(all, hand2022, hand2022.series[0]!)).toBeNull();
  });

  it('an undated study gets no automatic prior; every other series can still be chosen, newest first', () => {
    const undated = study('u', null, series('u1', 'DX', 'CHEST', 'PA'));
    expect(defaultPrior([...all, undated], undated, undated.series[0]!)).toBeNull();
    expect(otherSeries(all, chestPa2024).map((r) => r.series.id)).toEqual(['f1', 'b1', 'e1', 'c1', 'd1']);
  });

  it('laterality must agree when both say it; case and spaces do not matter', () => {
    expect(sameAnatomy(series('x', 'CR', 'HAND', 'PA', 'L'), series('y', 'CR', 'hand ', 'PA', 'R'))).toBe(false);
    expect(sameAnatomy(series('x', 'CR', 'HAND', 'PA', 'L'), series('y', 'cr', 'hand', 'pa', null))).toBe(true);
    expect(sameAnatomy(series('x', 'CR', 'HAND', 'PA'), series('y', 'DX', 'HAND', 'PA'))).toBe(false);
  });
});
