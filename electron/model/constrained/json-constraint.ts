/**
 * Constrained decoding: at each step, the tokens whose text keeps the output
 * a prefix of some document the schema allows. Masks come from walking a
 * trie of the vocabulary's token texts alongside the matcher, so tokens that
 * share a prefix are checked once, and are cached per matcher state (inside
 * a free string the state repeats, so most steps cost a map lookup).
 *
 * The token budget is part of the constraint: a token is taken only if the
 * document can still be finished in the tokens that remain, so output cut by
 * max tokens still parses and validates.
 */
import { ModelError } from '../errors';
import { shortestCompletion } from './completion';
import { canEnd, feedChar, feedText, initialState, isDone, stateKey, type MatchState } from './matcher';
import type { SchemaNode } from './schema';

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  readonly ids: number[];
}

/** The vocabulary as constrained decoding sees it; built once per model. */
export class ConstraintVocabulary {
  readonly root: TrieNode = { children: new Map(), ids: [] };
  private readonly singleChars = new Set<string>();

  constructor(
    readonly texts: readonly (string | null)[],
    /** Size of the logits (may exceed the tokenizer: padding ids are never allowed). */
    readonly logitsSize: number,
    readonly eosIds: readonly number[],
  ) {
    texts.forEach((text, id) => {
      if (text === null || id >= logitsSize) return;
      let node = this.root;
      for (const c of text) {
        let child = node.children.get(c);
        if (!child) node.children.set(c, (child = { children: new Map(), ids: [] }));
        node = child;
      }
      node.ids.push(id);
      if ([...text].length === 1) this.singleChars.add(text);
    });
  }

  /** Characters the tokenizer cannot write as one token (the completion bound relies on that). */
  unwritable(text: string): string[] {
    return [...new Set(text)].filter((c) => !this.singleChars.has(c));
  }
}

const MASK_CACHE_SIZE = 64;

export class JsonConstraint {
  private state: MatchState;
  private readonly nodeIds = new Map<SchemaNode, number>();
  private readonly masks = new Map<string, Uint8Array>();

  constructor(
    private readonly schema: SchemaNode,
    private readonly vocab: ConstraintVocabulary,
  ) {
    this.state = initialState(schema);
    const visit = (node: SchemaNode) => {
      this.nodeIds.set(node, this.nodeIds.size);
      if (node.kind === 'object') node.properties.forEach(([, sub]) => visit(sub));
      if (node.kind === 'array') visit(node.items);
    };
    visit(schema);
    // Every fixed text the schema may force (structure, names, enum values) must be writable char by char.
    const fixed = `{}[],:" 0123456789-.eE+truefalsn\\${literalsOf(schema).join('')}`;
    const missing = vocab.unwritable(fixed);
    if (missing.length) throw new ModelError('invalid-request', `this tokenizer cannot write ${JSON.stringify(missing.join(''))} as single tokens, so it cannot be constrained to this schema`);
  }

  /** The document is complete; generation ends. */
  get done(): boolean {
    return isDone(this.state);
  }

  /** The output so far is a whole document (more may follow only for a top-level number or literal). */
  get canEnd(): boolean {
    return canEnd(this.state);
  }

  /** Tokens needed at least to finish the document from here. */
  minTokens(): number {
    return [...shortestCompletion(this.state)].length;
  }

  /** Tokens allowed by the schema now (ignoring the budget; see fits()). */
  mask(): Uint8Array {
    const key = stateKey(this.state, this.nodeIds);
    const cached = this.masks.get(key);
    if (cached) {
      this.masks.delete(key);
      this.masks.set(key, cached); // most recently used last
      return cached;
    }
    const mask = new Uint8Array(this.vocab.logitsSize);
    const walk = (node: TrieNode, state: MatchState) => {
      for (const [c, child] of node.children) {
        const next = feedChar(state, c);
        if (!next) continue;
        for (const id of child.ids) mask[id] = 1;
        walk(child, next);
      }
    };
    walk(this.vocab.root, this.state);
    if (canEnd(this.state)) for (const id of this.vocab.eosIds) if (id < mask.length) mask[id] = 1;
    this.masks.set(key, mask);
    if (this.masks.size > MASK_CACHE_SIZE) this.masks.delete(this.masks.keys().next().value!);
    return mask;
  }

  /** Whether taking `id` still leaves a way to finish within `tokensAfter` more tokens. */
  fits(id: number, tokensAfter: number): boolean {
    if (this.vocab.eosIds.includes(id)) return true;
    const next = feedText(this.state, this.vocab.texts[id] ?? '');
    return next !== null && [...shortestCompletion(next)].length <= tokensAfter;
  }

  accept(id: number): void {
    if (this.vocab.eosIds.includes(id)) {
      this.state = [];
      return;
    }
    const next = feedText(this.state, this.vocab.texts[id] ?? '');
    if (!next) throw new Error(`internal: token ${id} does not fit the schema`);
    this.state = next;
  }
}

function literalsOf(node: SchemaNode): string[] {
  switch (node.kind) {
    case 'enum':
      return [...node.literals];
    case 'object':
      return node.properties.flatMap(([name, sub]) => [name, ...literalsOf(sub)]);
    case 'array':
      return literalsOf(node.items);
    default:
      return [];
  }
}
