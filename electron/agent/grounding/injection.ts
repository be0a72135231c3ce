/**
 * Text from documents, OCR and imports is data, never instructions. Text
 * that addresses the assistant ("ignore your instructions", "you are now",
 * "call memory.approve", a tool call in JSON) is a sign that someone tried
 * to steer the agent through the record. Such a source can still be shown,
 * but it can support no claim: the verifier flags any claim that cites it.
 *
 * The patterns are deliberately broad (a false alarm costs a flag; a miss
 * could cost a wrong drug on the record), and each is anchored on words a
 * clinical text has no reason to use together.
 */
const PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}\b(instructions?|prompts?|rules|polic(y|ies)|guardrails?|system)\b/i,
  /\b(you are now|you must now|new instructions?|from now on,? you|act as (an?|the) (assistant|model|ai|system))\b/i,
  /\b(system|assistant|developer)\s*(prompt|message|override|mode)\b/i,
  /(^|[.!?]\s+)(system|assistant|ai|model)\s*:/im,
  /<\|?(im_start|im_end|system|assistant|endoftext)\|?>/i,
  /\b(memory|evidence)\.(approve|propose_[a-z_]+|write[a-z_]*)\b/i,
  /"(tool|function|name)"\s*:\s*"[a-z]+\.[a-z_]+"/i,
  /\b(approve|sign|write|add|record|insert|prescribe)\b[^.\n]{0,60}\b(without|no need for|skip(ping)?)\b[^.\n]{0,30}\b(approval|review|confirm|clinician|doctor)/i,
  /\b(as the (ai|assistant|model)|dear (ai|assistant|model)|attention (ai|assistant|model))\b/i,
];

/** Whether a text contains what looks like instructions to the assistant. */
export function looksLikeInjection(text: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(text));
}
