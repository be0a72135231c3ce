/**
 * What bench:model asks of both runtimes (ours in model-run.ts, the peer in
 * model-peer.ts), shared so the comparison is on the same prompt and length.
 */
import { ModelTokenizer, type ChatMessage } from '../electron/model/tokenizer';
import { percentile } from './report';

/** Greedy decode of DECODE_TOKENS tokens after this prompt (no chat template), end-of-sequence ignored. */
export const DECODE_PROMPT = 'The patient';
export const DECODE_TOKENS = 16;
/** Tokens of the patient record: the prefix of the time-to-first-token figures and of decode with a record in the cache. */
export const RECORD_TOKENS = 2000;
/** Paired rounds of decode after the record, one in each order (each run encodes the record first: 10-25 s a run). */
export const RECORD_ROUNDS = 2;

/** A patient record of RECORD_TOKENS tokens (cut by tokens, then decoded back). */
export function patientContext(dir: string): string {
  const visit = (i: number) =>
    `Visit ${i}: blood pressure ${120 + (i % 30)}/${70 + (i % 20)} mmHg; HbA1c ${(6 + (i % 30) / 10).toFixed(1)}%; ` +
    `creatinine ${(0.8 + (i % 9) / 10).toFixed(1)} mg/dL; metformin 500 mg twice daily; note: stable, review in ${i % 12} weeks.\n`;
  const tokenizer = ModelTokenizer.load(dir);
  let text = '';
  for (let i = 1; tokenizer.encode(text).length < RECORD_TOKENS; i++) text += visit(i);
  return tokenizer.decode(tokenizer.encode(text).slice(0, RECORD_TOKENS));
}
/**
 * Paired rounds per precision: each round runs both runtimes once, one after
 * the other (the order alternating), so each round's ratio sees the same load.
 * Short runs and many rounds: load on the shared machine changes within
 * seconds, and an A/A test (our runtime against itself) gave per-round ratios
 * of 0.42-1.12 with 24-token runs under a load average of 7-9.
 */
export const DECODE_ROUNDS = 12;
/**
 * The rounds are split over this many fresh pairs of processes: one process
 * keeps its speed for its whole life, but two processes running the same code
 * differ (raw onnxruntime, fp32, same script twice: 10.0 and 11.6 tokens/s),
 * so a single pair's ratio is partly the luck of its two processes.
 */
export const PROCESS_PAIRS = 3;
/** Sampled rounds (temperature and top-p as a chat uses them) in each pair, after its greedy rounds. */
export const SAMPLED_ROUNDS_PER_PAIR = 2;

export const p95 = (values: readonly number[]): number => percentile([...values].sort((a, b) => a - b), 95);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A 95 % bootstrap interval of the median (percentile method, 2,000
 * resamples, a fixed seed so a run's figures can be reproduced from its
 * rounds): how far the median ratio could move with other rounds, so that a
 * ratio near 1 is read as "equal within the noise" rather than as a win or a loss.
 */
export function medianInterval(values: readonly number[], resamples = 2000, seed = 1): [number, number] {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const medians: number[] = [];
  for (let r = 0; r < resamples; r++) {
    medians.push(median(Array.from(values, () => values[Math.floor(random() * values.length)]!)));
  }
  medians.sort((a, b) => a - b);
  return [percentile(medians, 2.5), percentile(medians, 97.5)];
}

/** The record as a chat: the system prompt holding it, and questions asked after it (the same text for every runtime). */
export function recordChat(dir: string): { system: ChatMessage; questions: readonly [string, string]; ask(question: string): ChatMessage[] } {
  const system: ChatMessage = { role: 'system', content: `You are a careful clinical assistant. The patient's record:\n${patientContext(dir)}` };
  return { system, questions: ['What is the latest HbA1c?', 'Which medications are active?'], ask: (question) => [system, { role: 'user', content: question }] };
}
