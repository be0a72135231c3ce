/**
 * What happens when a conversation outgrows the model's context: the system
 * prompt and pinned messages (the patient summary) stay, the current
 * question stays, and the oldest other turns go, a question together with
 * its answer. The caller gets the count of dropped messages to show the
 * clinician: never a silent truncation.
 */
import { ModelError } from './errors';
import type { ChatMessage } from './tokenizer';

export interface FitOptions {
  /** Tokens the rendered conversation may take (context length minus the tokens to generate). */
  readonly budget: number;
  /** Indices of messages that must stay (system prompt and pinned summary); the last message always stays. */
  readonly pinned: readonly number[];
  /** Tokens of the conversation as the model will see it (its chat template applied). */
  countTokens(messages: readonly ChatMessage[]): number;
}

export interface FitResult {
  readonly messages: readonly ChatMessage[];
  /** Messages left out, oldest first (for the notice in the UI). */
  readonly dropped: readonly ChatMessage[];
  readonly tokens: number;
}

export function fitToContext(messages: readonly ChatMessage[], options: FitOptions): FitResult {
  const keep = new Set([...options.pinned, messages.length - 1]);
  const included = messages.map(() => true);
  const current = () => messages.filter((_, i) => included[i]);
  let tokens = options.countTokens(current());
  for (let i = 0; i < messages.length && tokens > options.budget; i++) {
    if (keep.has(i) || !included[i]) continue;
    included[i] = false;
    // An answer without its question confuses a model: drop the reply that follows with it.
    const next = i + 1;
    if (messages[i]!.role === 'user' && messages[next]?.role === 'assistant' && !keep.has(next)) included[next] = false;
    tokens = options.countTokens(current());
  }
  if (tokens > options.budget) {
    throw new ModelError('invalid-request', `the pinned messages and the question alone take ${tokens} tokens, more than the ${options.budget} the model's context allows: shorten the pinned summary`);
  }
  return { messages: current(), dropped: messages.filter((_, i) => !included[i]), tokens };
}
