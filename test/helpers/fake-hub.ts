import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server (127.0.0.1, an ephemeral port) that serves files the way
 * the Hugging Face hub does: GET /{repo}/resolve/{revision}/{file} answers
 * 302 to a CDN path (with a signed-looking query) and carries X-Linked-Etag
 * (the SHA-256), X-Linked-Size and X-Repo-Commit; the CDN answers Range
 * requests with 206 and Content-Range, honours If-Range against its own
 * ETag, and can be told to drop the connection or hold it mid-body.
 */
export interface HubFile {
  bytes: Buffer;
  /** What the hub publishes as the SHA-256 (default: the real one). */
  published?: string;
  /** 401 for every request, as a gated repository answers without a token. */
  gated?: boolean;
  /** Redirect to this URL instead of the CDN path. */
  redirectTo?: string;
}

export interface HubRequest {
  readonly path: string;
  readonly range: string | null;
  readonly ifRange: string | null;
  readonly status: number;
}

export const HUB_COMMIT = 'c0ffee0000000000000000000000000000000001';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export class FakeHub {
  readonly files = new Map<string, HubFile>();
  readonly requests: HubRequest[] = [];
  /** Drop the connection once after this many body bytes (the next request is served whole). */
  dropAt: number | null = null;
  /** Hold the body after this many bytes until release() (or the client goes). */
  holdAt: number | null = null;
  private held: Array<() => void> = [];
  private reachedHold: Array<() => void> = [];
  private server: Server | null = null;
  url = '';

  /** Publishes `bytes` as repo/file (replacing what was there: a changed file gets a new CDN ETag). */
  put(repo: string, file: string, bytes: Buffer, options: Omit<HubFile, 'bytes'> = {}): void {
    this.files.set(`${repo}/${file}`, { bytes, ...options });
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Resolves when a body reaches holdAt. */
  whenHeld(): Promise<void> {
    return new Promise((resolve) => this.reachedHold.push(resolve));
  }

  release(): void {
    this.holdAt = null;
    for (const go of this.held.splice(0)) go();
  }

  private log(req: IncomingMessage, status: number): void {
    this.requests.push({ path: (req.url ?? '').split('?')[0]!, range: req.headers.range ?? null, ifRange: (req.headers['if-range'] as string | undefined) ?? null, status });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname === '/') {
      this.log(req, 200);
      res.writeHead(200).end();
      return;
    }
    const resolve = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (resolve) {
      const key = `${decodeURIComponent(resolve[1]!)}/${decodeURIComponent(resolve[3]!)}`;
      const file = this.files.get(key);
      if (!file) return this.answer(req, res, 404);
      if (file.gated) return this.answer(req, res, 401);
      const sha = file.published ?? sha256(file.bytes);
      const location = file.redirectTo ?? `/cdn/${sha256(file.bytes)}/${encodeURIComponent(key)}?X-Amz-Signature=secret-signature`;
      this.log(req, 302);
      res.writeHead(302, { location, 'x-linked-etag': `"${sha}"`, 'x-linked-size': String(file.bytes.length), 'x-repo-commit': HUB_COMMIT, etag: `W/"hub-${sha.slice(0, 8)}"` }).end();
      return;
    }
    const cdn = /^\/cdn\/([0-9a-f]{64})\/(.+)$/.exec(url.pathname);
    const file = cdn ? this.files.get(decodeURIComponent(cdn[2]!)) : undefined;
    // A CDN URL of a file that has since changed serves the file as it is now, under its new ETag.
    if (!file) return this.answer(req, res, 404);
    const etag = `"cdn-${sha256(file.bytes).slice(0, 16)}"`;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    const partial = range !== null && (ifRange === undefined || ifRange === etag);
    const start = partial ? Number(range[1]) : 0;
    if (start >= file.bytes.length && partial) {
      this.log(req, 416);
      res.writeHead(416, { 'content-range': `bytes */${file.bytes.length}` }).end();
      return;
    }
    const body = file.bytes.subarray(start);
    const status = partial ? 206 : 200;
    this.log(req, status);
    res.writeHead(status, {
      etag,
      'accept-ranges': 'bytes',
      'content-length': String(body.length),
      ...(partial ? { 'content-range': `bytes ${start}-${file.bytes.length - 1}/${file.bytes.length}` } : {}),
    });
    await this.send(res, body, start);
  }

  private answer(req: IncomingMessage, res: ServerResponse, status: number): void {
    this.log(req, status);
    res.writeHead(status).end();
  }

  /** Writes the body in 16 KiB pieces, dropping or holding it where told (offsets are into the whole file). */
  private async send(res: ServerResponse, body: Buffer, start: number): Promise<void> {
    const piece = 16 * 1024;
    for (let at = 0; at < body.length; at += piece) {
      const offset = start + at;
      if (this.dropAt !== null && offset >= this.dropAt) {
        this.dropAt = null;
        res.socket?.destroy();
        return;
      }
      if (this.holdAt !== null && offset >= this.holdAt) {
        for (const reached of this.reachedHold.splice(0)) reached();
        await new Promise<void>((resolve) => {
          this.held.push(resolve);
          res.once('close', resolve);
        });
        if (res.destroyed) return;
      }
      if (!res.write(body.subarray(at, at + piece))) await new Promise((resolve) => res.once('drain', resolve));
      if (res.destroyed) return;
    }
    res.end();
  }
}
