/**
 * The model's tokenizer and chat template, through the maintained parts of
 * transformers.js (@huggingface/tokenizers, @huggingface/jinja), read from
 * the model folder as Optimum writes it. Also derives what generation needs:
 * the end-of-turn ids and each token's text for constrained decoding.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from '@huggingface/jinja';
import { Tokenizer } from '@huggingface/tokenizers';
import { ModelError } from './errors';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string;
}

type Json = Record<string, unknown>;

function readJson(dir: string, file: string, required: boolean): Json | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) {
    if (required) throw new ModelError('missing', `the model file ${file} is missing from ${dir}`);
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Json;
  } catch {
    throw new ModelError('corrupt', `${file} in ${dir} is not valid JSON: copy the model again`);
  }
}

/** A special token in tokenizer_config.json is a string or an AddedToken object ({ content }). */
function tokenContent(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Json).content === 'string') return (value as Json).content as string;
  return undefined;
}

/** The chat template: in tokenizer_config.json (a string or named list), or chat_template.jinja/.json beside it. */
function findChatTemplate(dir: string, config: Json): string | undefined {
  const inline = config.chat_template;
  if (typeof inline === 'string') return inline;
  if (Array.isArray(inline)) {
    // Only well-formed {name, template} entries: a damaged list ([null], [3]) is no template, not a crash.
    const named = inline.filter((t): t is { name?: unknown; template: string } => typeof t === 'object' && t !== null && typeof (t as { template?: unknown }).template === 'string');
    return (named.find((t) => t.name === 'default') ?? named[0])?.template;
  }
  if (existsSync(join(dir, 'chat_template.jinja'))) return readFileSync(join(dir, 'chat_template.jinja'), 'utf8');
  const json = readJson(dir, 'chat_template.json', false);
  return typeof json?.chat_template === 'string' ? json.chat_template : undefined;
}

export class ModelTokenizer {
  private readonly tokenizer: Tokenizer;
  private readonly template: Template;
  private readonly specials: Record<string, string>;
  /** Ids of the tokens marked special (never shown, never part of constrained text). */
  readonly specialIds: ReadonlySet<number>;
  /** One more than the largest token id. */
  readonly size: number;
  private texts: (string | null)[] | undefined;
  /** The BOS id prepended to prompts (tokenizer_config.json add_bos_token, as Llama and llama.cpp do), if any. */
  private readonly bosId: number | undefined;

  private constructor(
    private readonly json: Json,
    config: Json,
    template: string,
  ) {
    try {
      this.tokenizer = new Tokenizer(json, config);
      this.template = new Template(template);
    } catch (error) {
      throw new ModelError('corrupt', `the tokenizer or chat template cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.specials = {};
    for (const key of ['bos_token', 'eos_token', 'pad_token', 'unk_token']) {
      const content = tokenContent(config[key]);
      if (content !== undefined) this.specials[key] = content;
    }
    const vocab = this.tokenizer.get_vocab(true);
    let largest = 0;
    for (const id of vocab.values()) largest = Math.max(largest, id); // no spread: vocabularies have 150k+ ids
    this.size = largest + 1;
    this.specialIds = new Set([...this.tokenizer.get_added_tokens_decoder()].filter(([, t]) => t.special).map(([id]) => id));
    const bos = this.specials.bos_token;
    this.bosId = config.add_bos_token === true && bos !== undefined ? this.tokenizer.token_to_id(bos) : undefined;
  }

  static load(dir: string): ModelTokenizer {
    const json = readJson(dir, 'tokenizer.json', true)!;
    const config = readJson(dir, 'tokenizer_config.json', true)!;
    const template = findChatTemplate(dir, config);
    if (!template) throw new ModelError('corrupt', `${dir} has no chat template (tokenizer_config.json chat_template or chat_template.jinja)`);
    return new ModelTokenizer(json, config, template);
  }

  /** Token ids of text as it appears inside a rendered prompt (the template already holds any BOS). */
  encode(text: string): number[] {
    return this.tokenizer.encode(text, { add_special_tokens: false }).ids;
  }

  /**
   * Token ids of a whole prompt (a rendered chat or a raw prompt): as encode(),
   * with the BOS token first where the model asks for one and the text does
   * not already begin with it (a template that writes {{ bos_token }}).
   */
  encodePrompt(text: string): number[] {
    const ids = this.encode(text);
    if (this.bosId !== undefined && ids[0] !== this.bosId) ids.unshift(this.bosId);
    return ids;
  }

  decode(ids: readonly number[], skipSpecial = true): string {
    // @huggingface/tokenizers throws on an empty list rather than answering ''.
    if (ids.length === 0) return '';
    return this.tokenizer.decode([...ids], { skip_special_tokens: skipSpecial });
  }

  idOf(token: string): number | undefined {
    return this.tokenizer.token_to_id(token);
  }

  special(name: 'bos_token' | 'eos_token' | 'pad_token'): string | undefined {
    return this.specials[name];
  }

  /** The prompt text for a conversation, as the model was trained to see it. */
  renderChat(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean; enableThinking?: boolean } = {}): string {
    try {
      return this.template.render({
        ...this.specials,
        messages: messages.map((m) => ({ ...m })),
        add_generation_prompt: options.addGenerationPrompt ?? true,
        enable_thinking: options.enableThinking ?? false,
      });
    } catch (error) {
      throw new ModelError('invalid-request', `the chat template refused the conversation: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Each token's exact text, or null for special tokens and tokens that are
   * not whole UTF-8 characters on their own (constrained decoding never
   * offers those). Handles byte-level BPE (GPT-2, Qwen, Llama 3) and
   * SentencePiece-style vocabularies with ▁ and <0xNN> byte tokens (Phi-3).
   */
  tokenTexts(): readonly (string | null)[] {
    if (this.texts) return this.texts;
    const model = this.json.model as Json | undefined;
    const byteLevel = JSON.stringify(this.json.decoder ?? '').includes('"ByteLevel"');
    const unicodeToByte = new Map<string, number>();
    if (byteLevel) byteLevelAlphabet().forEach((ch, byte) => unicodeToByte.set(ch, byte));
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const texts: (string | null)[] = new Array<string | null>(this.size).fill(null);
    const vocab = this.tokenizer.get_vocab(true);
    for (const [token, id] of vocab) {
      if (this.specialIds.has(id)) continue;
      let text: string | null;
      if (byteLevel) {
        const bytes = [...token].map((ch) => unicodeToByte.get(ch));
        text = bytes.every((b) => b !== undefined) ? safeDecode(decoder, Uint8Array.from(bytes as number[])) : token;
      } else {
        const byteToken = /^<0x([0-9A-Fa-f]{2})>$/.exec(token);
        if (byteToken) {
          const byte = parseInt(byteToken[1]!, 16);
          text = byte < 0x80 ? String.fromCharCode(byte) : null;
        } else text = model?.type === 'BPE' || model?.type === 'Unigram' ? token.replace(/▁/g, ' ') : token;
      }
      texts[id] = text === '' ? null : text;
    }
    this.texts = texts;
    return texts;
  }
}

function safeDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** GPT-2's byte-to-character alphabet (byte-level BPE writes bytes as these characters). */
export function byteLevelAlphabet(): string[] {
  const map: string[] = [];
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
    map.push(printable ? String.fromCharCode(b) : String.fromCharCode(256 + extra++));
  }
  return map;
}
