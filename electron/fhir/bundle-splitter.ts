import { FhirImportError } from './errors';

/**
 * Splits a FHIR Bundle's JSON into its entries as they stream in, so that a
 * 100 MB bundle is imported in the memory of its largest entry rather than
 * of the whole file. Each entry's raw text is handed out for JSON.parse,
 * which is both the fastest parser we have and the validator of the entry.
 *
 * It works on bytes, not characters: every byte JSON gives a meaning to
 * ({}[]",:\ and whitespace) is ASCII, and no byte of a multi-byte UTF-8
 * character is below 0x80, so a character split across two chunks can never
 * be mistaken for structure; an entry's bytes are decoded only once whole.
 *
 * Only the root object's structure is checked here (keys, colons, commas,
 * the "entry" array). Inside a value it tracks strings, escapes and bracket
 * depth to find where the value ends; JSON.parse then checks the value
 * itself, so invalid JSON anywhere is reported, never half-read.
 */

/** One element of Bundle.entry, as the file wrote it. */
export interface RawEntry {
  /** Index in Bundle.entry, from 0. */
  readonly index: number;
  readonly text: string;
  /** Byte offset of the entry's first byte in the file. */
  readonly offset: number;
}

type State =
  | 'start' // before the root '{'
  | 'first-key' // after '{': a key or '}'
  | 'key' // after ',': a key
  | 'colon'
  | 'value'
  | 'after-value' // ',' or '}'
  | 'entry-first' // after "entry": [ : a value or ']'
  | 'entry-next' // after ',' in the entry array: a value
  | 'entry-after' // ',' or ']'
  | 'scan' // inside a value
  | 'done';

type Target = 'key' | 'head' | 'entry';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Bytes that may start a JSON value. */
function startsValue(b: number): boolean {
  return b === OPEN_BRACE || b === OPEN_BRACKET || b === QUOTE || b === 0x2d || (b >= 0x30 && b <= 0x39) || b === 0x74 || b === 0x66 || b === 0x6e;
}

export class BundleSplitter {
  /**
   * The root's members other than "entry" (resourceType, type, id...),
   * parsed. No prototype, as JSON.parse would have it: a member named
   * "__proto__" is a member, not a way to inherit a resourceType.
   */
  readonly head: Record<string, unknown> = Object.create(null) as Record<string, unknown>;

  private state: State = 'start';
  /** How much of a UTF-8 byte order mark the file started with. */
  private bomBytes = 0;
  /** Bytes consumed before the current chunk. */
  private consumed = 0;
  private entries = 0;
  private sawEntry = false;
  private key = '';

  // The value being scanned: where it started, what it is for, and its
  // bytes so far when it spans chunks.
  private target: Target = 'head';
  private valueStart = 0;
  private parts: Buffer[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;
  // The bytes of that value held between chunks (`parts`), now and at most:
  // the reader's memory beyond the chunk in hand, which tests and benchmarks
  // compare with the largest entry to show the file is never held whole.
  private buffered = 0;
  private maxBuffered = 0;

  constructor(private readonly file: string) {}

  /** Entries completed by this chunk, in order. */
  push(chunk: Buffer): RawEntry[] {
    const out: RawEntry[] = [];
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.state === 'scan') {
        const end = this.scan(chunk, i);
        if (end < 0) {
          const part = chunk.subarray(this.partStart(), n);
          this.parts.push(part);
          this.buffered += part.length;
          if (this.buffered > this.maxBuffered) this.maxBuffered = this.buffered;
          break;
        }
        this.complete(chunk, end, out);
        i = end;
        continue;
      }
      const b = chunk[i] as number;
      if (isSpace(b)) {
        i += 1;
        continue;
      }
      const at = this.consumed + i;
      switch (this.state) {
        case 'start':
          // A byte order mark is skipped only whole and first: a lone 0xEF
          // before the '{' is a damaged file, not a Bundle.
          if (at < 3 && at === this.bomBytes && b === UTF8_BOM[at]) {
            this.bomBytes += 1;
            break;
          }
          if (b !== OPEN_BRACE || (this.bomBytes !== 0 && this.bomBytes !== 3)) {
            throw this.error(`not a FHIR Bundle: the file does not start with a JSON object (byte ${at})`);
          }
          this.state = 'first-key';
          break;
        case 'first-key':
        case 'key':
          if (b === CLOSE_BRACE && this.state === 'first-key') this.state = 'done';
          else if (b === QUOTE) {
            this.begin('key', chunk, i);
            continue;
          } else throw this.error(`invalid JSON at byte ${at}: expected a property name`);
          break;
        case 'colon':
          if (b !== COLON) throw this.error(`invalid JSON at byte ${at}: expected ':' after "${printableKey(this.key)}"`);
          this.state = 'value';
          break;
        case 'value':
          if (this.key === 'entry') {
            if (this.sawEntry) throw this.error(`Bundle.entry: appears twice (byte ${at})`);
            if (b !== OPEN_BRACKET) throw this.error(`Bundle.entry: expected an array (byte ${at})`);
            this.sawEntry = true;
            this.state = 'entry-first';
          } else {
            this.begin('head', chunk, i);
            continue;
          }
          break;
        case 'after-value':
          if (b === COMMA) this.state = 'key';
          else if (b === CLOSE_BRACE) this.state = 'done';
          else throw this.error(`invalid JSON at byte ${at}: expected ',' or '}'`);
          break;
        case 'entry-first':
        case 'entry-next':
          if (b === CLOSE_BRACKET && this.state === 'entry-first') {
            this.state = 'after-value';
            break;
          }
          this.begin('entry', chunk, i);
          continue;
        case 'entry-after':
          if (b === COMMA) this.state = 'entry-next';
          else if (b === CLOSE_BRACKET) this.state = 'after-value';
          else throw this.error(`invalid JSON at byte ${at}: expected ',' or ']' after entry ${this.entries - 1}`);
          break;
        case 'done':
          throw this.error(`invalid JSON at byte ${at}: more data after the end of the bundle`);
      }
      // (A value's first byte is left for scan(): the cases that begin one `continue` above.)
      i += 1;
    }
    this.consumed += n;
    return out;
  }

  /** Call after the last chunk: a file that stops early is an error, never a shorter bundle. */
  end(): void {
    if (this.state === 'done') return;
    if (this.state === 'start') {
      if (this.bomBytes === 0 || this.bomBytes === 3) throw this.error('the file is empty');
      throw this.error(`not a FHIR Bundle: the file does not start with a JSON object (byte 0)`);
    }
    const inside =
      this.state === 'scan' && this.target === 'entry'
        ? `inside entry ${this.entries}`
        : this.entries > 0 || this.sawEntry
          ? `after entry ${this.entries - 1}`
          : 'before the first entry';
    throw this.error(`the file ends early, ${inside} (truncated at byte ${this.consumed}); nothing was imported`);
  }

  /** Number of entries handed out so far. */
  get entryCount(): number {
    return this.entries;
  }

  /**
   * The most bytes of one unfinished value (an entry, or a member of the
   * root) ever held between two chunks: never more than the largest value,
   * however long the file.
   */
  get maxBufferedBytes(): number {
    return this.maxBuffered;
  }

  private begin(target: Target, chunk: Buffer, i: number): void {
    const b = chunk[i] as number;
    const at = this.consumed + i;
    if (!startsValue(b)) {
      throw this.error(`invalid JSON at byte ${at}: expected a value${target === 'entry' ? ` for entry ${this.entries}` : ''}`);
    }
    this.target = target;
    this.valueStart = at;
    this.parts = [];
    this.buffered = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.scalar = b !== OPEN_BRACE && b !== OPEN_BRACKET && b !== QUOTE;
    this.state = 'scan';
  }

  /** Where the current value's bytes start in this chunk. */
  private partStart(): number {
    return this.parts.length === 0 ? this.valueStart - this.consumed : 0;
  }

  /**
   * Advances through the value from chunk[i]; returns the index just past
   * its last byte, or -1 when the chunk ends first. State lives in locals
   * for the loop's sake: this is where an import spends its parsing time.
   */
  private scan(chunk: Buffer, i: number): number {
    const n = chunk.length;
    if (this.scalar) {
      for (; i < n; i += 1) {
        const b = chunk[i] as number;
        if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isSpace(b)) return i;
      }
      return -1;
    }
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    for (; i < n; i += 1) {
      const b = chunk[i] as number;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) {
          inString = false;
          if (depth === 0) return i + 1;
        }
      } else if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth += 1;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }

  private complete(chunk: Buffer, end: number, out: RawEntry[]): void {
    const tail = chunk.subarray(this.partStart(), end);
    const bytes = this.parts.length === 0 ? tail : Buffer.concat([...this.parts, tail]);
    this.parts = [];
    this.buffered = 0;
    const text = bytes.toString('utf8');
    switch (this.target) {
      case 'entry':
        out.push({ index: this.entries, text, offset: this.valueStart });
        this.entries += 1;
        this.state = 'entry-after';
        return;
      case 'key':
        this.key = this.parseValue(text, 'a property name') as string;
        this.state = 'colon';
        return;
      case 'head':
        this.head[this.key] = this.parseValue(text, `Bundle.${printableKey(this.key)}`);
        this.state = 'after-value';
        return;
    }
  }

  private parseValue(text: string, what: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw this.error(`${what}: not valid JSON (${jsonErrorPlace(error, text, this.valueStart)})`);
    }
  }

  private error(problem: string): FhirImportError {
    return new FhirImportError(this.file, problem);
  }
}

/** A key from the file, shown only when it is a plain name (keys are FHIR element names, not data). */
function printableKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(key) ? key : '(a property)';
}

/**
 * "at byte N" for a JSON.parse failure of text that starts at byte `start`.
 * V8's own message quotes the text, which may be patient data, so only the
 * position is taken from it, converted from UTF-16 units to file bytes.
 */
export function jsonErrorPlace(error: unknown, text: string, start: number): string {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return `in the value starting at byte ${start}`;
  const position = Math.min(Number(match[1]), text.length);
  return `at byte ${start + Buffer.byteLength(text.slice(0, position), 'utf8')}`;
}
