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
}

export interface ChatAnswer {
  readonly text: string;
  readonly tokens: number;
  readonly finish: string;
}

export interface ChatModel {
  /** The model's name and quantization, recorded in the trajectory so a replay can check it has the same one. */
  readonly id: string;
  chat(request: ChatRequest): Promise<ChatAnswer>;
}

/** The local runtime's worker client as a ChatModel. */
export function chatModelFromClient(client: {
  info: { name: string; quantization: string; onnx: string };
  generate(request: Record<string, unknown>): { result: Promise<{ text: string; tokenIds: readonly number[]; finish: string }> };
}): ChatModel {
  return {
    id: `${client.info.name} (${client.info.quantization}, ${client.info.onnx})`,
    async chat(request) {
      const result = await client.generate({
        messages: request.messages,
        ...(request.schema === undefined ? {} : { schema: request.schema }),
        maxTokens: request.maxTokens,
        seed: request.seed,
        temperature: request.temperature,
        deadlineMs: request.deadlineMs,
        reusePrefix: true,
      }).result;
      return { text: result.text, tokens: result.tokenIds.length, finish: result.finish };
    },
  };
}
