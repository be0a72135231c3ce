/**
 * What a GGUF file says about itself, read from its header without loading
 * it (no llama.cpp binary needed): the manifest entries for `model add`, and
 * a one-line refusal naming the file when it is not a GGUF file or its
 * header is damaged.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ModelError } from '../errors';
import type { GgufManifestInfo } from '../manifest';

/**
 * The context recorded for a new model: the model's own, at most this many
 * tokens (a 32k context's KV cache would take gigabytes a clinic's machine
 * needs for other work; `model add --context N` records more).
 */
export const DEFAULT_CONTEXT_CAP = 8192;

function startsWithMagic(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1') === 'GGUF';
  } finally {
    closeSync(fd);
  }
}

/** The manifest entries of a GGUF file (`gguf` is its path inside the model folder); throws a ModelError naming `shown`. */
export async function ggufDefaults(file: string, gguf: string, shown = file): Promise<GgufManifestInfo> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new ModelError('missing', `${shown} is missing`);
  if (!startsWithMagic(file)) throw new ModelError('corrupt', `${shown} is not a GGUF file (it does not begin with "GGUF"): copy the model's .gguf file again`);
  const { readGgufFileInfo, GgufFileType, GgmlType } = await import('node-llama-cpp');
  let metadata, tensorInfo;
  try {
    ({ metadata, tensorInfo } = await readGgufFileInfo(file, { logWarnings: false, sourceType: 'filesystem' }));
  } catch (error) {
    throw new ModelError('corrupt', `${shown} is a damaged or partial GGUF file (${(error instanceof Error ? error.message : String(error)).split('\n')[0]}): copy it again`);
  }
  // A partial copy keeps its whole header: the tensors it lists must begin inside the file.
  const bytes = statSync(file).size;
  const lastTensor = Math.max(0, ...(tensorInfo ?? []).map((t) => Number(t.fileOffset)));
  if (lastTensor >= bytes) {
    throw new ModelError('integrity', `${shown} is cut short: ${bytes.toLocaleString('en')} bytes, but its weights go on past byte ${lastTensor.toLocaleString('en')}; a partial copy: copy it again`);
  }
  const general = metadata.general;
  const architecture = (metadata as unknown as Record<string, { context_length?: number } | undefined>)[general.architecture];
  const context = architecture?.context_length;
  // The file type, or where a converter left it out (llama2.c's, as stories260K), the type of most weight matrices.
  const matrices = (tensorInfo ?? []).filter((t) => t.dimensions.length > 1).map((t) => (GgmlType as Record<number, string>)[t.ggmlType]);
  const fileType = general.file_type === undefined ? mostCommon(matrices) : (GgufFileType as Record<number, string>)[general.file_type];
  const template = metadata.tokenizer?.chat_template ?? '';
  return {
    engine: 'llama.cpp',
    gguf,
    // Converters often write only the architecture as the name (stories260K says "llama"): the file's name says more.
    name: general.name?.trim() && general.name.trim() !== general.architecture ? general.name.trim() : basename(file).replace(/\.gguf$/i, ''),
    licence: general.license?.trim() || 'unknown: see the model card',
    contextLength: typeof context === 'number' && context > 0 ? Math.min(context, DEFAULT_CONTEXT_CAP) : 4096,
    quantization: fileType?.replace(/^(MOSTLY|ALL)_/, ''),
    thinking: template.includes('<think>') && template.includes('</think>') ? { open: '<think>', close: '</think>' } : undefined,
  };
}

function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
