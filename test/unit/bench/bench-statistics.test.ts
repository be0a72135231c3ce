import { describe, expect, it } from 'vitest';
import { median, medianInterval } from '../../../bench/model-workload';
import { cpuMeter, processCpuMs } from '../../../bench/process-cpu';

describe("bench:model's statistics", () => {
  it('gives a constant series a zero-width interval at its value', () => {
    expect(medianInterval([1.02, 1.02, 1.02, 1.02])).toEqual([1.02, 1.02]);
  });

  it('brackets the median, and widens with the spread of the rounds', () => {
    const tight = [0.99, 1.0, 1.01, 1.0, 0.99, 1.01, 1.0, 1.0, 0.99, 1.01, 1.0, 1.0];
    const wide = [0.6, 1.4, 0.8, 1.2, 0.7, 1.3, 1.0, 0.9, 1.1, 0.5, 1.5, 1.0];
    for (const rounds of [tight, wide]) {
      const [low, high] = medianInterval(rounds);
      expect(low).toBeLessThanOrEqual(median(rounds));
      expect(high).toBeGreaterThanOrEqual(median(rounds));
    }
    const width = (r: number[]) => medianInterval(r)[1] - medianInterval(r)[0];
    expect(width(wide)).toBeGreaterThan(5 * width(tight));
  });

  it('is the same for the same rounds (a fixed seed)', () => {
    const rounds = [0.88, 1.04, 0.92, 1.02, 0.98, 1.02, 1.04, 1.15, 1.06, 1.0, 1.09, 1.04];
    expect(medianInterval(rounds)).toEqual(medianInterval(rounds));
  });
});

describe.skipIf(process.platform !== 'linux')("a process's CPU time from /proc", () => {
  it("counts this process's own work", () => {
    const meter = cpuMeter([process.pid]);
    // Busy until Node's own account (getrusage) says 200 ms of CPU went by: however busy the machine.
    const start = process.cpuUsage();
    let x = 0;
    while ((process.cpuUsage(start).user + process.cpuUsage(start).system) / 1000 < 200) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    // /proc counts in 10 ms clock ticks.
    expect(meter()).toBeGreaterThanOrEqual(180);
  });

  it('says "unknown" for a process that is not there', () => {
    expect(processCpuMs(2 ** 22 + 12345)).toBeUndefined();
    expect(cpuMeter([2 ** 22 + 12345])()).toBeUndefined();
  });
});
