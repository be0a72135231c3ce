import { z } from 'zod';
import { jobStatus } from './job-schemas';

/**
 * The model catalogue (resources/model-catalogue.json): instruct models that
 * fit a clinic workstation, where to download each from, its licence, and
 * what is needed to estimate its memory and speed here. What the catalogue
 * cannot know without the hub (the file's exact size, its published
 * SHA-256) is null: the downloader then takes it from the hub's answer
 * (X-Linked-Size, X-Linked-Etag) and refuses a file whose SHA-256 differs.
 * A value stated from knowledge rather than read from the hub is marked
 * approximate; nothing here is invented to look exact.
 */
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

export const catalogueId = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,79}$/, 'lower-case letters, digits, dot, dash and underscore');

/** A Hugging Face file: https://{hub}/{repo}/resolve/{revision}/{file}. */
export const catalogueSource = z
  .object({
    repo: z.string().regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, 'owner/name'),
    /** A branch (main) or a commit (40 hex digits); a branch is pinned to the commit the hub names at the first request. */
    revision: z.string().regex(/^(?:[0-9a-f]{40}|[\w.-]{1,100})$/),
    /** The file inside the repository (a single .gguf; split files are not offered). */
    file: z.string().regex(/^[\w.-]+(?:\/[\w.-]+)*\.gguf$/, 'a .gguf path inside the repository'),
  })
  .strict();

export const catalogueLicence = z
  .object({
    /** The SPDX id where there is one (Apache-2.0, MIT), else the licence's own short name. */
    id: z.string().min(1).max(80),
    name: z.string().min(1).max(200),
    url: z.string().url().startsWith('https://'),
    /** What the licence restricts that a clinic must know before use (null: a permissive licence). */
    restrictions: z.string().min(1).max(500).nullable(),
  })
  .strict();

/** The shape numbers the memory estimate needs (the KV cache grows with them); from the model's config.json. */
export const catalogueArchitecture = z
  .object({
    layers: z.number().int().positive(),
    kvHeads: z.number().int().positive(),
    headDim: z.number().int().positive(),
    /** The context the model was trained for; the app caps it (gguf-file.ts, DEFAULT_CONTEXT_CAP). */
    trainedContext: z.number().int().positive(),
  })
  .strict();

export const catalogueEntry = z
  .object({
    id: catalogueId,
    name: z.string().min(1).max(120),
    format: z.enum(['gguf', 'onnx']),
    /** llama.cpp's name of the file type (Q4_K_M, Q8_0) or, for ONNX, int4/int8/fp32. */
    quantization: z.string().regex(/^[A-Za-z0-9_]+$/),
    parameters: z.number().int().positive(),
    /** The file's exact size, null when the catalogue cannot know it offline (the hub's X-Linked-Size gives it). */
    bytes: z.number().int().positive().nullable(),
    /** The size as stated from knowledge, for the estimates until the exact one is known. */
    approximateBytes: z.number().int().positive(),
    /** The published SHA-256 (the LFS oid); null: taken from the hub's X-Linked-Etag when downloading. */
    sha256: sha256Hex.nullable(),
    source: catalogueSource,
    licence: catalogueLicence,
    architecture: catalogueArchitecture,
    /** One line a clinician reads in the list (what the model is good for, its limits). */
    note: z.string().max(300).optional(),
  })
  .strict();
export type CatalogueEntry = z.infer<typeof catalogueEntry>;

export const modelCatalogue = z
  .object({
    format: z.literal(1),
    /** Where the values come from and what approximate means (the file says it to whoever edits it). */
    about: z.string().min(1),
    entries: z.array(catalogueEntry).min(1),
  })
  .strict()
  .superRefine((catalogue, ctx) => {
    const seen = new Set<string>();
    catalogue.entries.forEach((entry, index) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['entries', index, 'id'], message: `${entry.id} appears twice` });
      seen.add(entry.id);
      if (entry.bytes !== null && Math.abs(entry.bytes - entry.approximateBytes) > entry.bytes * 0.1) {
        ctx.addIssue({ code: 'custom', path: ['entries', index, 'approximateBytes'], message: 'differs from bytes by more than 10 %' });
      }
    });
  });
export type ModelCatalogue = z.infer<typeof modelCatalogue>;

/** A download under way, paused (its .part kept for a resume), or failed (the reason, nothing kept). */
export const downloadState = z.object({
  id: catalogueId,
  state: z.enum(['running', 'paused', 'failed']),
  bytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().positive().nullable(),
  bytesPerSecond: z.number().nonnegative().nullable(),
  /** running: what it is doing (downloading, checking its SHA-256, loading it); failed: why, one line. */
  message: z.string().max(400).nullable(),
  jobId: z.string().nullable(),
});
export type DownloadState = z.infer<typeof downloadState>;

/** How the speed estimate was made, shown beside it: the formula and where the bandwidth comes from. */
export const speedBasis = z.object({
  bandwidthBytesPerSecond: z.number().positive(),
  /** e.g. "measured: Qwen2.5 0.5B decoding at 31.2 tokens/s" or "probe: a 128 MiB read in this process". */
  source: z.string().max(300),
  formula: z.string().max(300),
});

export const catalogueListing = z.object({
  entries: z.array(
    catalogueEntry.extend({
      memoryBytes: z.number().int().positive(),
      /** The context the memory estimate is stated at (tokens). */
      memoryContext: z.number().int().positive(),
      tokensPerSecond: z.number().positive(),
      fits: z.boolean(),
      /** The folder it is installed in, when it is. */
      installed: z.string().nullable(),
      download: downloadState.nullable(),
    }),
  ),
  totalMemoryBytes: z.number().int().positive(),
  speed: speedBasis,
  memoryFormula: z.string().max(300),
  /** Where downloads come from (the hub's origin, never a URL with credentials). */
  hub: z.string(),
});
export type CatalogueListing = z.infer<typeof catalogueListing>;

export const hubStatus = z.object({ reachable: z.boolean(), hub: z.string(), message: z.string().max(400) });
export type HubStatus = z.infer<typeof hubStatus>;

const idParams = z.object({ id: catalogueId }).strict();

/** The methods of the catalogue and its downloads, spread into the contract. */
export const catalogueContract = {
  /** The catalogue with memory needed, expected speed and "fits this machine", what is installed, and each download. */
  'models.catalogue': { params: z.object({}).strict(), result: catalogueListing },
  /** Whether the hub answers (a HEAD, 4 s at most); offline says so in one line. */
  'models.hubStatus': { params: z.object({}).strict(), result: hubStatus },
  /** Starts (or resumes, from its .part) a download as a job; the model is added when its SHA-256 matches the published one. */
  'models.startDownload': { params: idParams, result: z.object({ job: jobStatus }) },
  /** The job a download runs as: downloads, checks the SHA-256, adds the model (its folder in the models folder). */
  'models.download': { params: idParams, result: z.object({ dir: z.string(), sha256: sha256Hex, bytes: z.number().int().positive() }) },
  /** Stops a running download and keeps what it has, for a resume. */
  'models.pauseDownload': { params: idParams, result: z.object({ paused: z.boolean() }) },
  /** Stops a running or paused download and deletes what it had. */
  'models.cancelDownload': { params: idParams, result: z.object({ cancelled: z.boolean() }) },
} as const;
