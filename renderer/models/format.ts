/** Pure formatting for the model manager. */
export function formatModelBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

export function formatContext(tokens: number | null): string {
  if (tokens === null) return '—';
  return tokens >= 1024 && tokens % 1024 === 0 ? `${tokens / 1024}k tokens` : `${tokens} tokens`;
}

export function formatSpeed(tokensPerSecond: number | null): string {
  return tokensPerSecond === null ? 'not measured yet' : `${tokensPerSecond >= 10 ? Math.round(tokensPerSecond) : tokensPerSecond.toFixed(1)} tokens/s`;
}
