import { createCipheriv, createDecipheriv, randomBytes, randomUUID, type CipherGCM } from 'node:crypto';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * An upload's body on its way in: written to a temporary file as it
 * arrives, encrypted (AES-256-GCM under a random key that exists only in
 * this object), so that a slow or large upload holds no memory while it
 * streams, and what lands on disk is unreadable even if the process dies
 * before the file is removed. The file is unlinked as soon as it is open
 * where the system allows it (POSIX), else when the spool closes.
 */
export class SealedSpool {
  private readonly key = randomBytes(32);
  private readonly iv = randomBytes(12);
  private readonly cipher: CipherGCM;
  private size = 0;
  private tag: Buffer | null = null;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    private path: string | null,
  ) {
    this.cipher = createCipheriv('aes-256-gcm', this.key, this.iv);
  }

  static async create(dir: string): Promise<SealedSpool> {
    const path = join(dir, `.continuum-upload-${randomUUID()}`);
    const handle = await open(path, 'wx+', 0o600);
    let linked: string | null = path;
    try {
      await unlink(path);
      linked = null;
    } catch {
      // Windows keeps an open file's name: removed at close instead.
    }
    return new SealedSpool(handle, linked);
  }

  /** Bytes written so far (plaintext). */
  get bytes(): number {
    return this.size;
  }

  async write(chunk: Buffer): Promise<void> {
    const sealed = this.cipher.update(chunk);
    await this.handle.write(sealed, 0, sealed.length, this.size);
    this.size += chunk.length;
  }

  /** Ends the writing; the spool can then be read back once. */
  async seal(): Promise<void> {
    const rest = this.cipher.final();
    if (rest.length > 0) await this.handle.write(rest, 0, rest.length, this.size);
    this.tag = this.cipher.getAuthTag();
  }

  /** The whole body, decrypted into one buffer of its exact size; throws if the file was altered. */
  async readAll(): Promise<Buffer> {
    if (!this.tag) throw new Error('the upload was not sealed');
    const decipher = createDecipheriv('aes-256-gcm', this.key, this.iv);
    decipher.setAuthTag(this.tag);
    const out = Buffer.allocUnsafe(this.size);
    const chunk = Buffer.allocUnsafe(Math.min(this.size, 1024 * 1024) || 1);
    let at = 0;
    while (at < this.size) {
      const { bytesRead } = await this.handle.read(chunk, 0, Math.min(chunk.length, this.size - at), at);
      if (bytesRead === 0) throw new Error('the upload was cut short on disk');
      const plain = decipher.update(chunk.subarray(0, bytesRead));
      plain.copy(out, at);
      at += bytesRead;
    }
    decipher.final();
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.key.fill(0);
    await this.handle.close().catch(() => undefined);
    if (this.path) await unlink(this.path).catch(() => undefined);
    this.path = null;
  }
}
