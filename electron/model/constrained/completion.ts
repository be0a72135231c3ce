/**
 * The shortest text that completes a partial document from a matcher state.
 * Constrained decoding keeps its length within the tokens left, so output
 * cut by the token limit is still a whole, valid document; it must be truly
 * the shortest, or the budget check would refuse tokens that could fit.
 */
import { completeInto, feedText, isAccepting, remainingProps, type Frame, type MatchState } from './matcher';
import type { SchemaNode } from './schema';

/** The shortest text of a value of `node`. */
export function minimalValue(node: SchemaNode): string {
  switch (node.kind) {
    case 'object': {
      const members = node.required.map((name) => `"${name}":${minimalValue(node.properties.find(([n]) => n === name)![1])}`);
      return `{${members.join(',')}}`;
    }
    case 'array':
      return '[]';
    case 'string':
      return '""';
    case 'number':
    case 'integer':
      return '0';
    case 'boolean':
      return 'true';
    case 'null':
      return 'null';
    case 'enum':
      return [...node.literals].sort((a, b) => a.length - b.length)[0]!;
  }
}

/** `"name":value` at its shortest, for a property of an object schema. */
function memberOf(node: Extract<SchemaNode, { kind: 'object' }>, name: string): string {
  return `"${name}":${minimalValue(node.properties.find(([n]) => n === name)![1])}`;
}

/** The shortest text that finishes the top frame of `stack` (then its parent goes on). */
function finishTop(stack: MatchState): string {
  const frame = stack[stack.length - 1]!;
  switch (frame.k) {
    case 'value':
      return minimalValue(frame.node);
    case 'string':
      return frame.escape === 'backslash' ? 'n"' : typeof frame.escape === 'number' ? `${'0'.repeat(frame.escape)}"` : '"';
    case 'key': {
      // The shortest key is not always best: "na" may be optional while "name" is required
      // anyway. Choose by the length of everything the object still needs.
      const parent = stack[stack.length - 2] as Extract<Frame, { k: 'object' }>;
      const cost = (name: string) =>
        memberOf(parent.node, name).length +
        parent.node.required.filter((r) => r !== name && !parent.seen.includes(r)).reduce((sum, r) => sum + memberOf(parent.node, r).length + 1, 0);
      const best = frame.candidates.filter((n) => n.startsWith(frame.text)).sort((a, b) => cost(a) - cost(b))[0]!;
      return `${best.slice(frame.text.length)}"`;
    }
    case 'literal':
      return [...frame.candidates].sort((a, b) => a.length - b.length)[0]!.slice(frame.pos);
    case 'number':
      return isAccepting(frame) ? '' : '0';
    case 'array':
      return frame.phase === 'afterComma' || frame.phase === 'valueStart' ? `${minimalValue(frame.node.items)}]` : ']';
    case 'object': {
      const required = frame.node.required.filter((name) => !frame.seen.includes(name));
      const member = (name: string) => memberOf(frame.node, name);
      switch (frame.phase) {
        case 'start':
          return `${required.map(member).join(',')}}`;
        case 'colon':
        case 'afterColon':
        case 'valueStart': {
          const value = minimalValue(frame.node.properties.find(([n]) => n === frame.key)![1]);
          return `${frame.phase === 'colon' ? ':' : ''}${value}${required.map((n) => `,${member(n)}`).join('')}}`;
        }
        case 'afterValue':
          return `${required.map((n) => `,${member(n)}`).join('')}}`;
        case 'afterComma':
        case 'keyStart': {
          // After a comma a member must follow, required or not.
          const next = required.length ? required : [remainingProps(frame).sort((a, b) => member(a).length - member(b).length)[0]!];
          return `${next.map(member).join(',')}}`;
        }
        case 'key':
          return ''; // unreachable: the key frame is on top
      }
    }
  }
}

/**
 * The shortest text that completes the document from `state`. Every
 * character of it is one token in any byte-level vocabulary, so its length
 * bounds the tokens still needed: decoding keeps that within the budget.
 */
export function shortestCompletion(state: MatchState): string {
  let text = '';
  let s = state;
  while (s.length) {
    const piece = finishTop(s);
    if (piece === '') {
      // An accepting number or literal: it ends where its parent's text begins.
      s = completeInto(s.slice(0, -1));
      continue;
    }
    const next = feedText(s, piece);
    if (!next) throw new Error(`internal: completion ${JSON.stringify(piece)} rejected`);
    text += piece;
    s = next;
  }
  return text;
}
