/**
 * Builds a real byte-level BPE tokenizer.json (the Qwen2 / GPT-2 kind) by
 * learning merges from a small corpus, then, for the benchmark shape, adding
 * synthetic merges until the vocabulary has the size of Qwen2.5's, so the
 * runtime's per-vocabulary work (masks, decoding tables) is measured at scale.
 */
import { CORPUS } from './corpus';

/** GPT-2's reversible map from bytes to printable characters (byte-level BPE's alphabet). */
export function bytesToUnicode(): string[] {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const map: string[] = new Array<string>(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    map[b] = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + extra++);
  }
  return map;
}

/** Qwen2's pre-tokenizer split (Oniguruma syntax, as tokenizer.json holds it). */
export const QWEN2_SPLIT =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
// The same split in JavaScript syntax, for learning the merges here.
const SPLIT_JS = /'(?:[sStTmMdD]|[rR][eE]|[vV][eE]|[lL][lL])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu;

export const SPECIAL_TOKENS = ['<|endoftext|>', '<|im_start|>', '<|im_end|>', '<think>', '</think>'] as const;

export interface BuiltTokenizer {
  readonly json: object;
  /** Regular (BPE) tokens, then the special ones. */
  readonly size: number;
  readonly specialIds: Readonly<Record<(typeof SPECIAL_TOKENS)[number], number>>;
}

/** Learns up to `merges` merges from the corpus (most frequent pair first; ties by text, for determinism). */
function learnMerges(maxMerges: number): [string, string][] {
  const byteMap = bytesToUnicode();
  const encoder = new TextEncoder();
  const words = new Map<string, number>();
  for (const piece of CORPUS.replace(/<\|im_(start|end)\|>/g, '').match(SPLIT_JS) ?? []) {
    const word = Array.from(encoder.encode(piece), (b) => byteMap[b]!).join('\u0000');
    words.set(word, (words.get(word) ?? 0) + 1);
  }
  let symbols = [...words].map(([w, count]) => ({ parts: w.split('\u0000'), count }));
  const merges: [string, string][] = [];
  while (merges.length < maxMerges) {
    const pairs = new Map<string, number>();
    for (const { parts, count } of symbols) {
      for (let i = 0; i + 1 < parts.length; i++) {
        const key = `${parts[i]}\u0000${parts[i + 1]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + count);
      }
    }
    let best: string | undefined;
    let bestCount = 1;
    for (const [key, count] of pairs) {
      if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
        best = key;
        bestCount = count;
      }
    }
    if (!best) break;
    const [a, b] = best.split('\u0000') as [string, string];
    merges.push([a, b]);
    symbols = symbols.map(({ parts, count }) => {
      const next: string[] = [];
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === a && parts[i + 1] === b) {
          next.push(a + b);
          i++;
        } else next.push(parts[i]!);
      }
      return { parts: next, count };
    });
  }
  return merges;
}

/**
 * A byte-level BPE tokenizer.json with `regularTokens` BPE tokens (256 bytes +
 * merges) followed by the special tokens. Beyond what the corpus supports,
 * merges are synthetic: deterministic pairs of existing tokens.
 */
export function buildTokenizer(regularTokens: number): BuiltTokenizer {
  const byteMap = bytesToUnicode();
  const vocab = new Map<string, number>();
  for (const ch of [...byteMap].sort()) vocab.set(ch, vocab.size);
  const merges = learnMerges(Math.min(regularTokens - 256, 400)).filter(([a, b]) => !vocab.has(a + b) && vocab.set(a + b, vocab.size));
  let state = 12345;
  const tokens = [...vocab.keys()];
  while (vocab.size < regularTokens) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const a = tokens[state % tokens.length]!;
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const b = tokens[state % Math.min(tokens.length, 2048)]!;
    if (vocab.has(a + b) || (a + b).length > 24) continue;
    vocab.set(a + b, vocab.size);
    tokens.push(a + b);
    merges.push([a, b]);
  }
  const specialIds = {} as Record<(typeof SPECIAL_TOKENS)[number], number>;
  const addedTokens = SPECIAL_TOKENS.map((content, i) => {
    specialIds[content] = regularTokens + i;
    return { id: regularTokens + i, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };
  });
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false };
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: addedTokens,
    normalizer: { type: 'NFC' },
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [{ type: 'Split', pattern: { Regex: QWEN2_SPLIT }, behavior: 'Isolated', invert: false }, byteLevel],
    },
    post_processor: byteLevel,
    decoder: byteLevel,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab: Object.fromEntries(vocab),
      merges,
    },
  };
  return { json, size: regularTokens + SPECIAL_TOKENS.length, specialIds };
}
