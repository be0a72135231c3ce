/**
 * When the vault locks, every store that holds patient data forgets it.
 * Feature stores register their reset here; the session store calls them all.
 */
const resets = new Set<() => void>();

export function onSessionEnd(reset: () => void): () => void {
  resets.add(reset);
  return () => resets.delete(reset);
}

export function endSession(): void {
  for (const reset of [...resets]) reset();
}
