/**
 * An incremental recognizer for the JSON documents a SchemaNode allows, one
 * character at a time. A state is an immutable stack of frames, so trying a
 * token never disturbs the state it was tried from (json-constraint.ts tries
 * thousands per step). Layout is compact JSON with at most one space after
 * ':' and ',': a model cannot stall in whitespace.
 *
 * Frames that end only when a following character shows up (numbers, enum
 * literals like 1 and 10) are "accepting": the next character pops them and
 * is fed to their parent.
 */
import type { SchemaNode } from './schema';

type ObjectPhase = 'start' | 'key' | 'colon' | 'afterColon' | 'valueStart' | 'afterValue' | 'afterComma' | 'keyStart';
type ArrayPhase = 'start' | 'afterValue' | 'afterComma' | 'valueStart';
type NumberPhase = 'sign' | 'zero' | 'int' | 'dot' | 'frac' | 'exp' | 'expSign' | 'expInt';

export type Frame =
  | { readonly k: 'value'; readonly node: SchemaNode }
  | { readonly k: 'object'; readonly node: Extract<SchemaNode, { kind: 'object' }>; readonly phase: ObjectPhase; readonly seen: readonly string[]; readonly key?: string }
  | { readonly k: 'key'; readonly candidates: readonly string[]; readonly text: string }
  | { readonly k: 'array'; readonly node: Extract<SchemaNode, { kind: 'array' }>; readonly phase: ArrayPhase }
  | { readonly k: 'string'; readonly escape: 'none' | 'backslash' | 1 | 2 | 3 | 4 }
  | { readonly k: 'number'; readonly integer: boolean; readonly phase: NumberPhase; readonly digits: number }
  | { readonly k: 'literal'; readonly candidates: readonly string[]; readonly pos: number };

export type MatchState = readonly Frame[];

// Bounds that keep every number finite and exact enough after JSON.parse.
const MAX_INT_DIGITS = 15;
const MAX_EXP_DIGITS = 2;

export function initialState(root: SchemaNode): MatchState {
  return [{ k: 'value', node: root }];
}

/** The document is complete: nothing more may follow. */
export function isDone(state: MatchState): boolean {
  return state.length === 0;
}

/** The document could end here (complete, or a top-level number or literal that could go on). */
export function canEnd(state: MatchState): boolean {
  return state.length === 0 || (state.length === 1 && isAccepting(state[0]!));
}

export function isAccepting(frame: Frame): boolean {
  if (frame.k === 'number') return ['zero', 'int', 'frac', 'expInt'].includes(frame.phase);
  if (frame.k === 'literal') return frame.candidates.some((c) => c.length === frame.pos);
  return false;
}

const DIGIT = /^[0-9]$/;
const HEX = /^[0-9a-fA-F]$/;

export function remainingProps(frame: Extract<Frame, { k: 'object' }>): string[] {
  return frame.node.properties.map(([name]) => name).filter((name) => !frame.seen.includes(name));
}

function requiredDone(frame: Extract<Frame, { k: 'object' }>): boolean {
  return frame.node.required.every((name) => frame.seen.includes(name));
}

/** The frame that starts a value of `node` with character c, or null. */
function startValue(node: SchemaNode, c: string): Frame | null {
  switch (node.kind) {
    case 'object':
      return c === '{' ? { k: 'object', node, phase: 'start', seen: [] } : null;
    case 'array':
      return c === '[' ? { k: 'array', node, phase: 'start' } : null;
    case 'string':
      return c === '"' ? { k: 'string', escape: 'none' } : null;
    case 'number':
    case 'integer': {
      const integer = node.kind === 'integer';
      if (c === '-') return { k: 'number', integer, phase: 'sign', digits: 0 };
      if (c === '0') return { k: 'number', integer, phase: 'zero', digits: 1 };
      return DIGIT.test(c) ? { k: 'number', integer, phase: 'int', digits: 1 } : null;
    }
    case 'boolean':
      return literal(['true', 'false'], c);
    case 'null':
      return literal(['null'], c);
    case 'enum':
      return literal(node.literals, c);
  }
}

function literal(candidates: readonly string[], c: string): Frame | null {
  const next = candidates.filter((l) => l.startsWith(c));
  return next.length ? { k: 'literal', candidates: next, pos: c.length } : null;
}

/** A frame's reaction to c: its replacement frames (possibly none: it completed), or 'pop' (complete, re-feed c), or null (reject). */
type Step = readonly Frame[] | 'pop' | null;

function stepFrame(frame: Frame, c: string): Step {
  switch (frame.k) {
    case 'value': {
      const started = startValue(frame.node, c);
      return started ? [started] : null;
    }
    case 'string': {
      if (frame.escape === 'backslash') {
        if (c === 'u') return [{ k: 'string', escape: 4 }];
        return '"\\/bfnrt'.includes(c) ? [{ k: 'string', escape: 'none' }] : null;
      }
      if (typeof frame.escape === 'number') {
        if (!HEX.test(c)) return null;
        return [{ k: 'string', escape: frame.escape === 1 ? 'none' : ((frame.escape - 1) as 1 | 2 | 3) }];
      }
      if (c === '"') return [];
      if (c === '\\') return [{ k: 'string', escape: 'backslash' }];
      return c.codePointAt(0)! < 0x20 ? null : [frame];
    }
    case 'key': {
      if (c === '"') return frame.candidates.includes(frame.text) ? [] : null;
      const text = frame.text + c;
      const candidates = frame.candidates.filter((name) => name.startsWith(text));
      return candidates.length ? [{ k: 'key', candidates, text }] : null;
    }
    case 'literal': {
      const candidates = frame.candidates.filter((l) => l[frame.pos] === c);
      if (candidates.length === 0) return isAccepting(frame) ? 'pop' : null;
      const pos = frame.pos + c.length;
      // One candidate left and fully written: done now (a closing quote needs no lookahead).
      if (candidates.length === 1 && candidates[0]!.length === pos) return [];
      return [{ k: 'literal', candidates, pos }];
    }
    case 'number':
      return stepNumber(frame, c);
    case 'array':
      return stepArray(frame, c);
    case 'object':
      return stepObject(frame, c);
  }
}

function stepNumber(frame: Extract<Frame, { k: 'number' }>, c: string): Step {
  const to = (phase: NumberPhase, digits = frame.digits): Frame[] => [{ ...frame, phase, digits }];
  const digit = DIGIT.test(c);
  switch (frame.phase) {
    case 'sign':
      return c === '0' ? to('zero', 1) : digit ? to('int', 1) : null;
    case 'zero':
    case 'int':
      if (digit && frame.phase === 'int') return frame.digits < MAX_INT_DIGITS ? to('int', frame.digits + 1) : null;
      if (!frame.integer && c === '.') return to('dot', 0);
      if (!frame.integer && (c === 'e' || c === 'E')) return to('exp', 0);
      return digit ? null : 'pop';
    case 'dot':
      return digit ? to('frac', 1) : null;
    case 'frac':
      if (digit) return frame.digits < MAX_INT_DIGITS ? to('frac', frame.digits + 1) : null;
      return c === 'e' || c === 'E' ? to('exp', 0) : 'pop';
    case 'exp':
      return c === '+' || c === '-' ? to('expSign', 0) : digit ? to('expInt', 1) : null;
    case 'expSign':
      return digit ? to('expInt', 1) : null;
    case 'expInt':
      if (digit) return frame.digits < MAX_EXP_DIGITS ? to('expInt', frame.digits + 1) : null;
      return 'pop';
  }
}

function stepArray(frame: Extract<Frame, { k: 'array' }>, c: string): Step {
  const push = (): Step => {
    const started = startValue(frame.node.items, c);
    return started ? [{ ...frame, phase: 'afterValue' }, started] : null;
  };
  switch (frame.phase) {
    case 'start':
      return c === ']' ? [] : push();
    case 'afterValue':
      return c === ']' ? [] : c === ',' ? [{ ...frame, phase: 'afterComma' }] : null;
    case 'afterComma':
      return c === ' ' ? [{ ...frame, phase: 'valueStart' }] : push();
    case 'valueStart':
      return push();
  }
}

function stepObject(frame: Extract<Frame, { k: 'object' }>, c: string): Step {
  const openKey = (): Step => {
    const candidates = remainingProps(frame);
    return c === '"' && candidates.length ? [{ ...frame, phase: 'key' }, { k: 'key', candidates, text: '' }] : null;
  };
  const pushValue = (): Step => {
    const node = frame.node.properties.find(([name]) => name === frame.key)![1];
    const started = startValue(node, c);
    return started ? [{ ...frame, phase: 'afterValue' }, started] : null;
  };
  switch (frame.phase) {
    case 'start':
      return c === '}' && requiredDone(frame) ? [] : openKey();
    case 'key':
      return null; // the key frame above is always fed first
    case 'colon':
      return c === ':' ? [{ ...frame, phase: 'afterColon' }] : null;
    case 'afterColon':
      return c === ' ' ? [{ ...frame, phase: 'valueStart' }] : pushValue();
    case 'valueStart':
      return pushValue();
    case 'afterValue':
      if (c === '}') return requiredDone(frame) ? [] : null;
      return c === ',' && remainingProps(frame).length ? [{ ...frame, phase: 'afterComma' }] : null;
    case 'afterComma':
      return c === ' ' ? [{ ...frame, phase: 'keyStart' }] : openKey();
    case 'keyStart':
      return openKey();
  }
}

/** The state after character c (one code point), or null when the schema forbids it. */
export function feedChar(state: MatchState, c: string): MatchState | null {
  let stack = state;
  for (;;) {
    const top = stack[stack.length - 1];
    if (!top) return null; // the document is complete: nothing may follow
    const step = stepFrame(top, c);
    if (step === null) return null;
    const below = stack.slice(0, -1);
    if (step === 'pop') {
      stack = completeInto(below);
      continue;
    }
    return step.length === 0 ? completeInto(below, top) : [...below, ...step];
  }
}

/** A child value or key finished: its parent moves on (an object learns which key it just read). */
export function completeInto(stack: readonly Frame[], finished?: Frame): MatchState {
  const parent = stack[stack.length - 1];
  if (parent?.k === 'object' && parent.phase === 'key' && finished?.k === 'key') {
    return [...stack.slice(0, -1), { ...parent, phase: 'colon', key: finished.text, seen: [...parent.seen, finished.text] }];
  }
  return stack;
}

/** feedChar over a whole string (a token's text). */
export function feedText(state: MatchState, text: string): MatchState | null {
  let s: MatchState | null = state;
  for (const c of text) {
    s = feedChar(s, c);
    if (!s) return null;
  }
  return s;
}

/** A stable key for a state, to cache the token mask computed for it. */
export function stateKey(state: MatchState, nodeIds: Map<SchemaNode, number>): string {
  return JSON.stringify(state, (key, value: unknown) => (key === 'node' ? nodeIds.get(value as SchemaNode) : value));
}
