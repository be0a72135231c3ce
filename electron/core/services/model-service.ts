import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelsState } from '../../api/session-schemas';
import { chatModelFromClient, type ChatModel } from '../../agent/harness';
import { listImageModels } from '../../imaging/image-model/list';
import { addModel, listModels, ModelError, startModelWorker, type Manifest, type ModelClient } from '../../model';
import { logError } from '../log';
import type { Service } from './service';

/** models/: CONTINUUM_MODELS, else the repository's models/ when run from source, else ./models. */
export function modelsDir(): string {
  const env = process.env['CONTINUUM_MODELS'];
  if (env) return resolve(env);
  const fromSource = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models');
  return existsSync(fromSource) ? fromSource : resolve('models');
}

/** A catalogue download the core is running (handlers/model-downloads.ts). */
export interface RunningDownload {
  readonly jobId: string;
  bytes: number;
  totalBytes: number | null;
  bytesPerSecond: number | null;
  message: string;
}

/**
 * The app's local model: which folder holds the models, which one is loaded
 * in the model worker, what went wrong when one would not load, and the
 * catalogue downloads under way. A model that fails to load leaves the app
 * as it was, without a model, and says why; sessions then run in no-model
 * mode. Built by the composition root for the life of the core (a model
 * takes seconds to load and holds no patient data between calls); dispose()
 * closes the model worker.
 */
export class ModelService implements Service {
  readonly name = 'models';
  private client: ModelClient | null = null;
  private chat: ChatModel | null = null;
  private active: string | null = null;
  private loading: string | null = null;
  private problem: string | null = null;
  private readonly failures = new Map<string, string>();
  private readonly speeds = new Map<string, number>();
  /** Downloads under way, by catalogue id, and why the last one of an id failed. */
  readonly downloads = { running: new Map<string, RunningDownload>(), failures: new Map<string, string>() };

  /** The loaded model as the harness takes it, or null (no-model mode). */
  chatModel(): ChatModel | null {
    return this.chat;
  }

  describe(): ModelsState {
    const dir = modelsDir();
    const listing: ModelsState = {
      modelsDir: dir,
      active: this.active,
      problem: this.problem,
      models: listModels(dir).map((m) => {
        const failure = this.failures.get(m.dir) ?? null;
        const common = { dir: m.dir, folder: basename(m.dir), kind: 'language-model' as const, tokensPerSecond: this.speeds.get(m.dir) ?? null };
        if (!m.ok) {
          const status = m.addable ? (this.loading === m.dir ? ('loading' as const) : ('not-added' as const)) : ('problem' as const);
          return { ...common, name: null, bytes: null, quantization: null, contextLength: null, status, problem: failure ?? m.problem };
        }
        const status = this.active === m.dir ? 'active' : this.loading === m.dir ? 'loading' : failure ? 'problem' : 'ready';
        return { ...common, name: m.name, bytes: m.bytes, quantization: m.quantization, contextLength: m.contextLength, status, problem: failure };
      }),
    };
    // Image models (decision support in Imaging) are listed with their kind; they are used there, never selected here.
    for (const m of listImageModels(dir)) {
      const common = { dir: join(dir, m.id), folder: m.id, kind: 'image-classifier' as const, tokensPerSecond: null, quantization: null, contextLength: null };
      if (m.ok) listing.models.push({ ...common, name: m.model.name, bytes: m.model.bytes, status: 'ready', problem: null });
      else listing.models.push({ ...common, name: null, bytes: null, status: 'problem', problem: m.problem });
    }
    return listing;
  }

  /** Makes `dir` the assistant's model (null: none); a model that does not load is listed with the reason. */
  async select(dir: string | null): Promise<ModelsState> {
    await this.unload();
    if (dir === null) return this.describe();
    const known = listModels(modelsDir()).find((m) => m.dir === dir);
    if (!known) {
      this.problem = `${dir} is not a model in ${modelsDir()}`;
      return this.describe();
    }
    await this.loadingAs(dir, () => this.load(dir)).catch(() => undefined);
    return this.describe();
  }

  /**
   * Adds an export copied into the models folder (records its files, see
   * add-model.ts) and, as the proof that it works, makes it the active model.
   */
  async add(dir: string): Promise<ModelsState> {
    const known = listModels(modelsDir()).find((m) => m.dir === dir);
    if (!known || known.ok || !known.addable) {
      this.problem = `${dir} is not a model waiting to be added in ${modelsDir()}`;
      return this.describe();
    }
    await this.unload();
    await this.loadingAs(dir, () => addModel(dir, { check: (d) => this.load(d) })).catch(() => undefined);
    return this.describe();
  }

  /**
   * Adds a downloaded model's folder as add() does (records its files, loads it, makes it active), for the
   * download job: a model that does not load is listed with the reason, and the error goes to the job.
   */
  async addDownloaded(dir: string, names: { name: string; licence: string }): Promise<Manifest> {
    await this.unload();
    return this.loadingAs(dir, () => addModel(dir, { ...names, check: (d) => this.load(d) }));
  }

  /** The latest decode speed measured in this core, with its model's name and size (the catalogue's speed estimates). */
  measuredDecode(): { name: string; tokensPerSecond: number; bytes: number } | null {
    for (const m of listModels(modelsDir())) {
      const speed = this.speeds.get(m.dir);
      if (m.ok && speed) return { name: m.name, tokensPerSecond: speed, bytes: m.bytes };
    }
    return null;
  }

  /** The core closes: the model worker goes. */
  dispose(): Promise<void> {
    return this.unload();
  }

  private async loadingAs<T>(dir: string, work: () => Promise<T>): Promise<T> {
    this.loading = dir;
    try {
      return await work();
    } catch (error) {
      const message = error instanceof ModelError ? error.message : `the model could not be loaded (${(error as Error).message.split('\n')[0]})`;
      this.failures.set(dir, message);
      this.problem = `${basename(dir)}: ${message}`;
      throw error;
    } finally {
      this.loading = null;
    }
  }

  /** Loads `dir` in a new model worker and makes it the assistant's model; throws when it cannot be loaded. */
  private async load(dir: string): Promise<void> {
    const client = await startModelWorker(dir);
    const chat = chatModelFromClient(client as never);
    this.client = client;
    this.active = dir;
    this.failures.delete(dir);
    const speeds = this.speeds;
    // The model manager shows the decode speed the app measured last.
    this.chat = {
      id: chat.id,
      ...(chat.contextLength ? { contextLength: chat.contextLength } : {}),
      async chat(request) {
        const answer = await chat.chat(request);
        if (answer.tokensPerSecond && answer.tokens > 1) speeds.set(dir, answer.tokensPerSecond);
        return answer;
      },
    };
  }

  /** Closes the active model, if any: the app is in no-model mode until another one loads. */
  private async unload(): Promise<void> {
    const old = this.client;
    this.client = null;
    this.chat = null;
    this.active = null;
    this.problem = null;
    await old?.close().catch((error: unknown) => logError('closing the model failed', error));
  }
}
