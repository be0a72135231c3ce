import { request, type IncomingHttpHeaders } from 'node:http';

/**
 * The browser host's protocol from Node, as the page speaks it: exchange a
 * one-time link for a window's secret, send it in the Continuum-Session
 * header, take the new one whenever an answer carries it. For tests and the
 * trust workloads.
 */

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
}

export interface RawRequest {
  readonly method?: string;
  /** Sent as the raw request target, unnormalised (for path traversal). */
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

/** One HTTP request to 127.0.0.1:port with Host set, on its own connection. */
export function send(port: number, options: RawRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The token of a printed link (http://127.0.0.1:PORT/#token=T). */
export function linkToken(url: string): string {
  const token = new URL(url).hash.replace(/^#token=/, '');
  if (!token) throw new Error(`not a Continuum link: ${url}`);
  return token;
}

export class HostWindow {
  private constructor(
    readonly port: number,
    public secret: string,
  ) {}

  /** Opens a window with a one-time link (its URL or token); throws with the host's reason if refused. */
  static async open(port: number, link: string): Promise<HostWindow> {
    const token = link.startsWith('http') ? linkToken(link) : link;
    const reply = await send(port, {
      method: 'POST',
      path: '/session/exchange',
      body: JSON.stringify({ token }),
      headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
    });
    const secret = reply.headers['continuum-session'];
    if (reply.status !== 200 || typeof secret !== 'string') throw new Error(`link refused (${reply.status}): ${reply.text}`);
    return new HostWindow(port, secret);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** POST /api/METHOD as the page sends it; takes a rotated secret from the answer. */
  async post(method: string, params: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const reply = await send(this.port, {
      method: 'POST',
      path: `/api/${method}`,
      body: typeof params === 'string' ? params : JSON.stringify(params),
      headers: { 'continuum-session': this.secret, origin: this.origin, 'content-type': 'application/json', ...headers },
    });
    this.take(reply);
    return reply;
  }

  /** The JSON envelope of a call, or a thrown error for a non-JSON answer. */
  async call(method: string, params: unknown = {}): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string; retryAfterSeconds?: number } }> {
    const reply = await this.post(method, params);
    if (!String(reply.headers['content-type']).startsWith('application/json')) throw new Error(`${method}: HTTP ${reply.status} ${reply.text}`);
    return JSON.parse(reply.text) as Awaited<ReturnType<HostWindow['call']>>;
  }

  /** The value of a call that must succeed. */
  async value(method: string, params: unknown = {}): Promise<Record<string, unknown>> {
    const answer = await this.call(method, params);
    if (!answer.ok) throw new Error(`${method}: ${answer.error?.code}: ${answer.error?.message}`);
    return answer.value!;
  }

  /** Signs this window in (the vault exists). */
  async signIn(clinicianId: string, passphrase: string): Promise<void> {
    await this.value('vault.unlock', { clinicianId, passphrase });
  }

  /** Asks for a new secret now (what the page's keep-alive does). */
  async refresh(): Promise<Reply> {
    const reply = await send(this.port, {
      method: 'POST',
      path: '/session/refresh',
      body: '{}',
      headers: { 'continuum-session': this.secret, origin: this.origin, 'content-type': 'application/json' },
    });
    this.take(reply);
    return reply;
  }

  private take(reply: Reply): void {
    const next = reply.headers['continuum-session'];
    if (typeof next === 'string' && next) this.secret = next;
  }
}
