/**
 * What the harness needs of a language model: a chat in, text out, with a
 * seed and, when it asks for an action, a JSON Schema the output is
 * constrained to. The local runtime (electron/model) provides it; tests can
 * provide their own. Without a model the harness runs in no-model mode.
 */
export interface ChatTurn {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string;
}

export interface ChatRequest {
  readonly messages: readonly ChatTurn[];
  readonly schema?: unknown;
  readonly maxTokens: number;
  readonly seed: number;
  readonly temperature: number;
  readonly deadlineMs: number;
  /** Streamed text as it comes (the app shows the answer being written). */
  readonly onToken?: (text: string) => void;
  /** Aborting it cancels the generation (the app's Stop button); the answer then ends 'cancelled'. */
  readonly signal?: AbortSignal;
}

export interface ChatAnswer {
  readonly text: string;
  readonly tokens: number;
  readonly finish: string;
  /** Decode speed of this answer, when the model measures it. */
  readonly tokensPerSecond?: number;
}

export interface ChatModel {
  /** The model's name and quantization, recorded in the trajectory so a replay can check it has the same one. */
  readonly id: string;
  /** Tokens the model reads at most: with it, the harness applies the context policy (oldest turns go, visibly). */
  readonly contextLength?: number;
  chat(request: ChatRequest): Promise<ChatAnswer>;
}

/** The local runtime's worker client as a ChatModel. */
export function chatModelFromClient(client: {
  info: { name: string; quantization: string; file: string; contextLength?: number };
  generate(
    request: Record<string, unknown>,
    onToken?: (event: { text: string; thinking: boolean }) => void,
  ): { result: Promise<{ text: string; tokenIds: readonly number[]; finish: string; timings?: { decodeTokensPerSecond: number } }>; cancel?: () => void };
}): ChatModel {
  return {
    id: `${client.info.name} (${client.info.quantization}, ${client.info.file})`,
    ...(client.info.contextLength ? { contextLength: client.info.contextLength } : {}),
    async chat(request) {
      const onToken = request.onToken;
      const handle = client.generate({
        messages: request.messages,
        ...(request.schema === undefined ? {} : { schema: request.schema }),
        maxTokens: request.maxTokens,
        seed: request.seed,
        temperature: request.temperature,
        deadlineMs: request.deadlineMs,
        reusePrefix: true,
      }, onToken ? (event) => {
        if (!event.thinking && event.text) onToken(event.text);
      } : undefined);
      const cancel = () => handle.cancel?.();
      if (request.signal?.aborted) cancel();
      request.signal?.addEventListener('abort', cancel, { once: true });
      try {
        const result = await handle.result;
        return { text: result.text, tokens: result.tokenIds.length, finish: result.finish, ...(result.timings ? { tokensPerSecond: result.timings.decodeTokensPerSecond } : {}) };
      } finally {
        request.signal?.removeEventListener('abort', cancel);
      }
    },
  };
}
