import { describe, expect, it } from 'vitest';
import { formatContext, formatModelBytes, formatSpeed } from '../../../renderer/models/format';
import { partialJsonString, streamingLabel } from '../../../renderer/chat/stream-text';

describe('the reply as it streams', () => {
  it('shows the reply string of partial JSON, decoded, as far as it has come', () => {
    expect(partialJsonString('{"tool":"none","reply":"Her BP is 14', 'reply')).toBe('Her BP is 14');
    expect(partialJsonString('{"tool":"none","reply":"a \\"quoted\\" line\\nnext\\u00e9', 'reply')).toBe('a "quoted" line\nnexté');
    expect(partialJsonString('{"tool":"none","reply":"done","claims":[]}', 'reply')).toBe('done');
    expect(partialJsonString('{"tool":"no', 'reply')).toBeNull();
    expect(partialJsonString('{"reply":"cut \\', 'reply')).toBe('cut ');
    expect(partialJsonString('{"reply":"cut \\u00', 'reply')).toBe('cut ');
  });

  it('says what each agent is doing', () => {
    expect(streamingLabel('safety', '{"concerns":["x')).toEqual({ label: 'The safety reviewer is checking the draft…', text: '' });
    expect(streamingLabel('orchestrator', '{"tool":"memory.lab_trend","reply":"')).toMatchObject({ label: 'Looking up the record (memory.lab_trend)…' });
    expect(streamingLabel('orchestrator', '{"assessment":"Stable')).toEqual({ label: 'Drafting the assessment and plan…', text: 'Stable' });
    expect(streamingLabel('orchestrator', '{"tool":"none","reply":"Hello')).toEqual({ label: 'The assistant is answering…', text: 'Hello' });
  });
});

describe('the model manager figures', () => {
  it('formats size, context and speed', () => {
    expect(formatModelBytes(null)).toBe('—');
    expect(formatModelBytes(350_000_000)).toBe('350.0 MB');
    expect(formatModelBytes(1_900_000_000)).toBe('1.9 GB');
    expect(formatModelBytes(420)).toBe('1 kB');
    expect(formatContext(4096)).toBe('4k tokens');
    expect(formatContext(1000)).toBe('1000 tokens');
    expect(formatSpeed(null)).toBe('not measured yet');
    expect(formatSpeed(7.25)).toBe('7.3 tokens/s');
    expect(formatSpeed(42.4)).toBe('42 tokens/s');
  });
});
