import { describe, expect, it } from 'vitest';
import { refusalReason } from '../../../renderer/chat/tool-refusal';

describe("the chat's line for a refused tool call", () => {
  it('drops the tool name the core repeats at the start of its message', () => {
    expect(refusalReason('memory.propose_follow_up', 'memory.propose_follow_up: date: a date, YYYY-MM-DD')).toBe('date: a date, YYYY-MM-DD');
  });
  it('keeps a message that does not start with the tool name, and says "not allowed" when there is none', () => {
    expect(refusalReason('memory.approve', 'role orchestrator may not call memory.approve')).toBe('role orchestrator may not call memory.approve');
    expect(refusalReason('memory.approve', null)).toBe('not allowed');
  });
});
