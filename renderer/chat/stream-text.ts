/**
 * Pure: what the chat panel shows of an answer still being generated. The
 * orchestrator answers in JSON ({"tool", "reply", "claims"}); while it
 * streams, the panel shows the reply as far as it has come, decoded, and
 * not the JSON around it.
 */
export function partialJsonString(raw: string, key: string): string | null {
  const match = new RegExp(`"${key}"\\s*:\\s*"`).exec(raw);
  if (!match) return null;
  let out = '';
  for (let i = match.index + match[0].length; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"') return out;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) return out;
    if (next === 'u') {
      const hex = raw.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return out;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
      continue;
    }
    out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
    i += 1;
  }
  return out;
}

/** The line the panel shows while an agent writes. */
export function streamingLabel(agent: string, raw: string): { label: string; text: string } {
  if (agent === 'safety') return { label: 'The safety reviewer is checking the draft…', text: '' };
  const tool = partialJsonString(raw, 'tool');
  if (tool !== null && tool !== 'none' && raw.includes(`"${tool}"`)) return { label: `Looking up the record (${tool})…`, text: '' };
  const assessment = partialJsonString(raw, 'assessment');
  if (assessment !== null) return { label: 'Drafting the assessment and plan…', text: assessment };
  return { label: 'The assistant is answering…', text: partialJsonString(raw, 'reply') ?? '' };
}
