import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelsState } from '../../api/session-schemas';
import { chatModelFromClient, type ChatModel } from '../../agent/harness';
import { listImageModels } from '../../imaging/image-model/list';
import { addModel, listModels, ModelError, startModelWorker, type Manifest, type ModelClient } from '../../model';
import { logError } from '../log';
import type { Session } from '../session';
import type { HandlerMap } from './handler';

/**
 * The app's local model: which folder holds the models, which one is
 * loaded in the model worker, and what went wrong when one would not load.
 * A model that fails to load leaves the app as it was, without a model,
 * and says why; sessions then run in no-model mode.
 */
interface ModelState {
  client: ModelClient | null;
  chat: ChatModel | null;
  active: string | null;
  loading: string | null;
  problem: string | null;
  readonly failures: Map<string, string>;
  readonly speeds: Map<string, number>;
}

const states = new WeakMap<Session, ModelState>();

function state(session: Session): ModelState {
  let s = states.get(session);
  if (!s) {
    s = { client: null, chat: null, active: null, loading: null, problem: null, failures: new Map(), speeds: new Map() };
    states.set(session, s);
  }
  return s;
}

/** models/: CONTINUUM_MODELS, else the repository's models/ when run from source, else ./models. */
export function modelsDir(): string {
  const env = process.env['CONTINUUM_MODELS'];
  if (env) return resolve(env);
  const fromSource = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models');
  return existsSync(fromSource) ? fromSource : resolve('models');
}

/** The loaded model as the harness takes it, or null (no-model mode). */
export function activeChatModel(session: Session): ChatModel | null {
  return state(session).chat;
}

function describe(session: Session): ModelsState {
  const s = state(session);
  const dir = modelsDir();
  const listing: ModelsState = {
    modelsDir: dir,
    active: s.active,
    problem: s.problem,
    models: listModels(dir).map((m) => {
      const failure = s.failures.get(m.dir) ?? null;
      const common = { dir: m.dir, folder: basename(m.dir), kind: 'language-model' as const, tokensPerSecond: s.speeds.get(m.dir) ?? null };
      if (!m.ok) {
        const status = m.addable ? (s.loading === m.dir ? ('loading' as const) : ('not-added' as const)) : ('problem' as const);
        return { ...common, name: null, bytes: null, quantization: null, contextLength: null, status, problem: failure ?? m.problem };
      }
      const status = s.active === m.dir ? 'active' : s.loading === m.dir ? 'loading' : failure ? 'problem' : 'ready';
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

/** Loads `dir` in a new model worker and makes it the assistant's model; throws when it cannot be loaded. */
async function load(session: Session, dir: string): Promise<void> {
  const s = state(session);
  const client = await startModelWorker(dir);
  const chat = chatModelFromClient(client as never);
  s.client = client;
  s.active = dir;
  s.failures.delete(dir);
  // The model manager shows the decode speed the app measured last.
  s.chat = {
    id: chat.id,
    ...(chat.contextLength ? { contextLength: chat.contextLength } : {}),
    async chat(request) {
      const answer = await chat.chat(request);
      if (answer.tokensPerSecond && answer.tokens > 1) s.speeds.set(dir, answer.tokensPerSecond);
      return answer;
    },
  };
}

/** Closes the active model, if any: the app is in no-model mode until another one loads. */
async function unload(session: Session): Promise<void> {
  const s = state(session);
  const old = s.client;
  s.client = null;
  s.chat = null;
  s.active = null;
  s.problem = null;
  await old?.close().catch((error: unknown) => logError('closing the model failed', error));
}

function failed(session: Session, dir: string, error: unknown): void {
  const s = state(session);
  const message = error instanceof ModelError ? error.message : `the model could not be loaded (${(error as Error).message.split('\n')[0]})`;
  s.failures.set(dir, message);
  s.problem = `${basename(dir)}: ${message}`;
}

async function select(session: Session, dir: string | null): Promise<ModelsState> {
  const s = state(session);
  await unload(session);
  if (dir === null) return describe(session);
  const known = listModels(modelsDir()).find((m) => m.dir === dir);
  if (!known) {
    s.problem = `${dir} is not a model in ${modelsDir()}`;
    return describe(session);
  }
  s.loading = dir;
  try {
    await load(session, dir);
  } catch (error) {
    failed(session, dir, error);
  } finally {
    s.loading = null;
  }
  return describe(session);
}

/**
 * Adds an export copied into the models folder (records its files, see
 * add-model.ts) and, as the proof that it works, makes it the active model.
 */
async function add(session: Session, dir: string): Promise<ModelsState> {
  const s = state(session);
  const known = listModels(modelsDir()).find((m) => m.dir === dir);
  if (!known || known.ok || !known.addable) {
    s.problem = `${dir} is not a model waiting to be added in ${modelsDir()}`;
    return describe(session);
  }
  await unload(session);
  s.loading = dir;
  try {
    await addModel(dir, { check: (d) => load(session, d) });
  } catch (error) {
    failed(session, dir, error);
  } finally {
    s.loading = null;
  }
  return describe(session);
}

/**
 * Adds a downloaded model's folder as Add does (records its files, loads it, makes it active), for the
 * download job: a model that does not load is listed with the reason, and the error goes to the job.
 */
export async function addDownloaded(session: Session, dir: string, names: { name: string; licence: string }): Promise<Manifest> {
  const s = state(session);
  await unload(session);
  s.loading = dir;
  try {
    return await addModel(dir, { ...names, check: (d) => load(session, d) });
  } catch (error) {
    failed(session, dir, error);
    throw error;
  } finally {
    s.loading = null;
  }
}

/** The latest decode speed measured in this session, with its model's name and size (the catalogue's speed estimates). */
export function measuredDecode(session: Session): { name: string; tokensPerSecond: number; bytes: number } | null {
  const s = state(session);
  for (const m of listModels(modelsDir())) {
    const speed = s.speeds.get(m.dir);
    if (m.ok && speed) return { name: m.name, tokensPerSecond: speed, bytes: m.bytes };
  }
  return null;
}

export const modelHandlers: HandlerMap = {
  'models.list': (_params, { session }) => {
    session.requireVault();
    return describe(session);
  },
  'models.select': (params, { session }) => {
    session.requireVault();
    return select(session, params.dir);
  },
  'models.add': (params, { session }) => {
    session.requireVault();
    return add(session, params.dir);
  },
};
