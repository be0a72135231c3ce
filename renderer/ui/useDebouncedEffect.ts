import { useEffect, useRef, type DependencyList } from 'react';

/** Runs effect `ms` after the deps last changed; skips the first render. */
export function useDebouncedEffect(effect: () => void, ms: number, deps: DependencyList): void {
  const first = useRef(true);
  const latest = useRef(effect);
  latest.current = effect;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const handle = setTimeout(() => latest.current(), ms);
    return () => clearTimeout(handle);
  }, deps);
}
