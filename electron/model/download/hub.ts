/**
 * Where models are downloaded from: Hugging Face, or the mirror a clinic
 * names in CONTINUUM_MODEL_HUB (the tests' local server too). Only https,
 * except plain http to this computer itself (loopback), which is what a
 * test server or a mirror on the same machine is; a redirect must follow
 * the same rule, so a download never falls back to plain http on the
 * network. Messages name the host only: a CDN's redirect carries signed
 * query parameters, which stay out of every message and log.
 */
import type { CatalogueEntry } from '../../api/catalogue-schemas';
import { ModelError } from '../errors';

export const HUB_ENV = 'CONTINUUM_MODEL_HUB';
export const DEFAULT_HUB = 'https://huggingface.co';

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}

/**
 * Whether a download may fetch from this URL: https, or http to loopback. A redirect (from: the
 * first URL) may go to plain http on loopback only when the download started there (a test server,
 * a mirror on this computer): a hub on the network cannot send it to a local service.
 */
export function allowedUrl(url: URL, from: URL = url): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url) && from.protocol === 'http:' && isLoopback(from));
}

/** CONTINUUM_MODEL_HUB=off: this computer never contacts a hub (not even to ask whether it answers). */
export function hubTurnedOff(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[HUB_ENV]?.trim().toLowerCase() === 'off';
}

export const TURNED_OFF = `Downloads are turned off on this computer (${HUB_ENV}=off). Add a model from a folder or USB drive.`;

export function hubBase(env: NodeJS.ProcessEnv = process.env): URL {
  if (hubTurnedOff(env)) throw new ModelError('invalid-request', TURNED_OFF);
  const raw = env[HUB_ENV] || DEFAULT_HUB;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ModelError('invalid-request', `${HUB_ENV} is not a URL`);
  }
  if (!allowedUrl(url)) throw new ModelError('invalid-request', `${HUB_ENV} must be an https address (plain http only to this computer)`);
  if (url.username || url.password) throw new ModelError('invalid-request', `${HUB_ENV} must not hold a user name or password`);
  return url;
}

/** The hub's origin as shown to people: scheme, host and port only. */
export function hubLabel(base: URL): string {
  return base.origin;
}

/** https://{hub}/{repo}/resolve/{revision}/{file}: the hub answers with a redirect to its CDN. */
export function resolveUrl(base: URL, source: CatalogueEntry['source'], revision = source.revision): URL {
  const path = [...source.repo.split('/'), 'resolve', revision, ...source.file.split('/')].map(encodeURIComponent).join('/');
  return new URL(`${base.pathname.replace(/\/$/, '')}/${path}`, base);
}

/** A cheap check that the hub answers at all (a HEAD of its root, a few seconds at most). */
export async function hubReachable(base: URL, timeoutMs = 4_000): Promise<{ reachable: boolean; message: string }> {
  try {
    const response = await fetch(base, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    if (response.status >= 500) return { reachable: false, message: `${hubLabel(base)} answers but is failing (HTTP ${response.status}): try again later, or add a model from a folder or USB drive` };
    return { reachable: true, message: `${hubLabel(base)} can be reached: downloads are available` };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      reachable: false,
      message: `Offline: ${hubLabel(base)} ${timedOut ? `did not answer within ${timeoutMs / 1000} s` : 'cannot be reached from this computer'}. Add a model from a folder or USB drive instead.`,
    };
  }
}
