import { describe, expect, it } from 'vitest';
import { fitToContext } from '../../../electron/model/context-policy';
import type { ChatMessage } from '../../../electron/model/tokenizer';

// One token per word, plus 4 per message for the template's markers.
const countTokens = (messages: readonly ChatMessage[]) => messages.reduce((sum, m) => sum + m.content.split(' ').length + 4, 0);

const conversation: ChatMessage[] = [
  { role: 'system', content: 'You are a careful clinical assistant' }, // 10
  { role: 'user', content: 'Pinned summary: diabetes, hypertension, penicillin allergy' }, // 10
  { role: 'user', content: 'What was the last HbA1c?' }, // 9
  { role: 'assistant', content: '7.9% in June' }, // 7
  { role: 'user', content: 'And the one before?' }, // 8
  { role: 'assistant', content: '8.4% in March' }, // 7
  { role: 'user', content: 'Is the blood pressure controlled?' }, // 9
];

describe('the context policy', () => {
  it('keeps everything that fits', () => {
    const fit = fitToContext(conversation, { budget: 100, pinned: [0, 1], countTokens });
    expect(fit.messages).toEqual(conversation);
    expect(fit.dropped).toEqual([]);
  });

  it('drops the oldest turns, question with answer, and keeps the system prompt, the pinned summary and the question', () => {
    const fit = fitToContext(conversation, { budget: 44, pinned: [0, 1], countTokens });
    expect(fit.dropped).toEqual([conversation[2], conversation[3]]);
    expect(fit.messages).toEqual([conversation[0], conversation[1], conversation[4], conversation[5], conversation[6]]);
    expect(fit.tokens).toBeLessThanOrEqual(44);
  });

  it('says plainly when the pinned messages alone do not fit', () => {
    expect(() => fitToContext(conversation, { budget: 20, pinned: [0, 1], countTokens })).toThrow(/the pinned messages and the question alone take 29 tokens/);
  });
});
