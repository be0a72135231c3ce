import { describe, expect, it, vi } from 'vitest';
import { createActivityMonitor } from '../../../renderer/unlock/activity';

function harness(lockInSeconds = 600) {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const ping = vi.fn(async () => ({ lockInSeconds }));
  const onIdle = vi.fn();
  const monitor = createActivityMonitor({
    throttleMs: 30_000,
    idleMs: 600_000,
    ping,
    onIdle,
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const advance = async (ms: number) => {
    // Let pending pings answer first.
    await new Promise((r) => setTimeout(r, 0));
    const target = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > target) break;
      timers.shift();
      now = next.at;
      next.fn();
      await Promise.resolve();
    }
    now = target;
    await new Promise((r) => setTimeout(r, 0));
  };
  return { monitor, ping, onIdle, advance };
}

describe('auto-lock activity', () => {
  it('pings at most once per throttle period however much input there is', async () => {
    const h = harness();
    for (let i = 0; i < 100; i++) {
      h.monitor.input();
      await h.advance(1_000);
    }
    // 100 s of constant input: pings at 30, 60 and 90 s.
    expect(h.ping).toHaveBeenCalledTimes(3);
    expect(h.onIdle).not.toHaveBeenCalled();
  });

  it('reports idle after the idle time without input, once', async () => {
    const h = harness();
    await h.advance(599_000);
    expect(h.onIdle).not.toHaveBeenCalled();
    await h.advance(2_000);
    expect(h.onIdle).toHaveBeenCalledTimes(1);
    h.monitor.input();
    await h.advance(1_000_000);
    expect(h.onIdle).toHaveBeenCalledTimes(1);
    expect(h.ping).not.toHaveBeenCalled();
  });

  it('input pushes the idle time back', async () => {
    const h = harness();
    await h.advance(500_000);
    h.monitor.input();
    await h.advance(500_000);
    expect(h.onIdle).not.toHaveBeenCalled();
    await h.advance(101_000);
    expect(h.onIdle).toHaveBeenCalledTimes(1);
  });

  it('never waits longer than the core says it will', async () => {
    const h = harness(120);
    await h.advance(40_000);
    h.monitor.input();
    await h.advance(121_000);
    expect(h.onIdle).toHaveBeenCalledTimes(1);
  });

  it('stops cleanly', async () => {
    const h = harness();
    h.monitor.stop();
    await h.advance(2_000_000);
    expect(h.onIdle).not.toHaveBeenCalled();
  });
});
