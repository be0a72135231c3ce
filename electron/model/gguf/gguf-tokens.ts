/**
 * A GGUF model's tokenizer and chat template: llama.cpp's own tokenizer
 * (the vocabulary inside the file), and the template from its metadata
 * (`tokenizer.chat_template`) rendered with @huggingface/jinja, as the ONNX
 * engine renders tokenizer_config.json's.
 */
import { Template } from '@huggingface/jinja';
import type { LlamaModel, Token } from 'node-llama-cpp';
import { ModelError } from '../errors';
import type { ChatMessage } from '../tokenizer';

export class GgufTokens {
  private readonly template: Template | undefined;

  constructor(private readonly model: LlamaModel) {
    const source = model.fileInfo.metadata.tokenizer?.chat_template;
    try {
      this.template = typeof source === 'string' && source.trim() ? new Template(source) : undefined;
    } catch (error) {
      throw new ModelError('corrupt', `the chat template in the GGUF file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Whether the file carries a chat template (an instruct model); base models have none. */
  get hasTemplate(): boolean {
    return this.template !== undefined;
  }

  /**
   * Token ids of a rendered prompt, special tokens as the template wrote them,
   * with the BOS token the model expects first (unless the template wrote it).
   */
  encodePrompt(text: string): number[] {
    const ids = this.encode(text);
    const bos = this.model.tokens.bos;
    if (this.model.tokens.shouldPrependBosToken && bos !== null && ids[0] !== bos) ids.unshift(bos);
    return ids;
  }

  encode(text: string): number[] {
    return this.model.tokenize(text, true) as number[];
  }

  decode(ids: readonly number[]): string {
    if (ids.length === 0) return '';
    return this.model.detokenize(ids as Token[], false);
  }

  /**
   * The conversation as the model was trained to see it. A base model (no
   * template, such as stories260K) continues the messages' text as written.
   */
  renderChat(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean; enableThinking?: boolean } = {}): string {
    if (!this.template) return messages.map((m) => m.content).join('\n\n');
    try {
      return this.template.render({
        bos_token: this.model.tokens.bosString ?? '',
        eos_token: this.model.tokens.eosString ?? '',
        messages: messages.map((m) => ({ ...m })),
        add_generation_prompt: options.addGenerationPrompt ?? true,
        enable_thinking: options.enableThinking ?? false,
      });
    } catch (error) {
      throw new ModelError('invalid-request', `the chat template refused the conversation: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
