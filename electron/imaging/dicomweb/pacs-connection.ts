import { DicomWebError } from './dicomweb-error';

/** How long a PACS may stay silent (before answering, or between two chunks of an answer). */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface PacsOptions {
  /** The DICOMweb root, e.g. http://pacs.clinic.lan:8042/dicom-web (QIDO-RS and WADO-RS hang below it). */
  readonly url: string;
  /** HTTP basic authentication; both or neither. The password is kept out of every message. */
  readonly user?: string;
  readonly password?: string;
  readonly timeoutMs?: number;
  /** Aborts every request of this connection (the app's Cancel); a request stopped so fails, and the caller knows why. */
  readonly signal?: AbortSignal;
}

/** A checked PACS address and its credentials, ready for requests. */
export interface PacsConnection {
  /** The DICOMweb root without a trailing slash. */
  readonly root: string;
  /** What messages call the PACS: its URL (which never holds credentials). */
  readonly label: string;
  readonly authorization: string | null;
  readonly timeoutMs: number;
  /** Whether the password would cross the network unencrypted (http to a host other than this machine). */
  readonly passwordInClear: boolean;
  readonly signal?: AbortSignal;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks the URL (http or https only, no user or password inside it: those
 * would show in `ps` and in shell history) and prepares the basic
 * authentication header. A clinic's PACS is on its LAN, so any host is allowed.
 */
export function connectPacs(options: PacsOptions): PacsConnection {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new DicomWebError('invalid-url', `PACS URL "${safeText(options.url)}" is not a URL; give the DICOMweb root, e.g. http://pacs:8042/dicom-web`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DicomWebError('invalid-url', `PACS URL must start with http:// or https://, not ${url.protocol}//`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new DicomWebError('invalid-url', 'PACS URL must not contain a user or password; give the user as an option and the password in the environment');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new DicomWebError('invalid-url', `PACS URL must be the DICOMweb root without ?query or #fragment: ${url.origin}${url.pathname}`);
  }
  const root = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const user = options.user ?? '';
  const password = options.password ?? '';
  if (user === '' && password !== '') throw new DicomWebError('invalid-url', `PACS at ${root}: a password was given without a user name`);
  if (user.includes(':')) throw new DicomWebError('invalid-url', `PACS at ${root}: a user name for basic authentication cannot contain ":"`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new DicomWebError('invalid-url', `PACS timeout must be a positive number of milliseconds`);
  return {
    root,
    label: root,
    authorization: user === '' ? null : `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`,
    timeoutMs,
    passwordInClear: user !== '' && url.protocol === 'http:' && !LOOPBACK.has(url.hostname),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** A URL as typed, shortened, with anything between "//" and "@" (a password) blanked. */
function safeText(text: string): string {
  return text.replace(/\/\/[^/@]*@/, '//…@').slice(0, 200);
}
