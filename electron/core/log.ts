/**
 * The application log. Patient data never reaches it: callers pass fixed
 * text with ids at most, and errors are reduced to their name and stack
 * frames (never their message, which may quote values from a record).
 */
export function logError(line: string, error?: unknown): void {
  const frames = error instanceof Error && error.stack ? error.stack.split('\n').slice(1, 6).join('\n') : '';
  process.stderr.write(`[continuum] error: ${line}${frames ? `\n${frames}` : ''}\n`);
}

export function logInfo(line: string): void {
  process.stderr.write(`[continuum] ${line}\n`);
}
