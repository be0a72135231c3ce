/**
 * CPU time of other processes, for bench:model's paired rounds: a runtime
 * still busy after its "loaded" reply (freeing its load buffers, finishing
 * lazy set-up) takes a core from the other one's turn, which the other's own
 * CPU figures cannot show. Linux only (/proc); elsewhere nothing is known.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Clock ticks per second of /proc's utime and stime (USER_HZ; 100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;

/** User + system CPU time of the whole process (all its threads) in ms, or undefined where /proc cannot say. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime: fields 14 and 15 of the line
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** The processes' CPU ms between a start and now; undefined where unknown. */
export function cpuMeter(pids: readonly number[]): () => number | undefined {
  const total = () => pids.reduce<number | undefined>((sum, pid) => {
    const ms = processCpuMs(pid);
    return sum === undefined || ms === undefined ? undefined : sum + ms;
  }, 0);
  const start = total();
  return () => {
    const now = total();
    return start === undefined || now === undefined ? undefined : now - start;
  };
}

/**
 * Waits until the processes together use at most `maxCores` of a core over a
 * `windowMs` window, or `timeoutMs` passes. Returns the ms waited, whether they
 * went quiet, and each one's CPU ms while waiting (undefined where unknown).
 */
export async function waitUntilQuiet(
  pids: readonly number[],
  { windowMs = 1000, maxCores = 0.05, timeoutMs = 60_000 } = {},
): Promise<{ waitedMs: number; quiet: boolean; cpuMs: (number | undefined)[] }> {
  const start = Date.now();
  const each = pids.map((pid) => cpuMeter([pid]));
  const result = (quiet: boolean) => ({ waitedMs: Date.now() - start, quiet, cpuMs: each.map((meter) => meter()) });
  while (Date.now() - start < timeoutMs) {
    const used = cpuMeter(pids);
    await sleep(windowMs);
    const ms = used();
    if (ms === undefined) return result(false);
    if (ms <= maxCores * windowMs) return result(true);
  }
  return result(false);
}
