/**
 * Every way loading or running a model can fail, as one error type with a
 * code and a one-line message meant for the clinician or administrator
 * (shown by the app and printed by the CLI). It crosses the worker boundary
 * as plain { code, message }.
 */
export type ModelErrorCode =
  | 'missing' // no model folder, or a file it needs is absent
  | 'integrity' // a file's size or SHA-256 differs from the manifest (partial copy, tampering)
  | 'corrupt' // a file is present and listed but cannot be parsed
  | 'tokenizer-mismatch' // the tokenizer does not belong to this model
  | 'unsupported-operator' // the ONNX graph needs an operator this onnxruntime lacks
  | 'memory' // not enough memory to load the weights
  | 'invalid-request' // a generation request that cannot be served (bad schema, prompt too long)
  | 'stopped' // the model worker has stopped (closed, or crashed)
  | 'internal'; // a fault of ours, not of the model or the request

export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(oneLine(message));
    this.name = 'ModelError';
  }

  toJSON(): { code: ModelErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Longest message kept: a library's message about a damaged file may quote kilobytes of that file. */
const MAX_MESSAGE = 400;

/** One line, clipped: what a damaged tokenizer.json makes a library say must not flood the screen or the log. */
function oneLine(message: string): string {
  const line = message.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return line.length <= MAX_MESSAGE ? line : `${line.slice(0, MAX_MESSAGE - 1)}…`;
}
