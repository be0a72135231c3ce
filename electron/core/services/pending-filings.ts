import { randomUUID } from 'node:crypto';
import type { ScannedDocument } from '../../ocr/scan-document';
import { VaultError } from '../../store/errors';
import type { Service } from './service';

const PENDING_MS = 30 * 60_000;

/**
 * Documents read but not filed because the page names another patient than
 * the chart's: kept in the core's memory only (never on disk), for the
 * clinician to file anyway (an audited override) or discard, for 30 minutes
 * or until the vault locks. Built per unlock; dispose() (on lock) forgets
 * them all at once, so that no page of a patient outlives the vault.
 */
export class PendingFilings implements Service {
  readonly name = 'pending filings';
  private readonly held = new Map<string, { scan: ScannedDocument; at: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  hold(scan: ScannedDocument): string {
    const pendingId = `filing-${randomUUID()}`;
    this.held.set(pendingId, { scan, at: this.clock() });
    return pendingId;
  }

  /** Takes the document out: 'not-found' when it was filed or discarded, the vault locked, or 30 minutes passed. */
  take(pendingId: string): ScannedDocument {
    for (const [id, p] of this.held) if (this.clock() - p.at > PENDING_MS) this.held.delete(id);
    const pending = this.held.get(pendingId);
    if (!pending) throw new VaultError('not-found', 'that document is no longer waiting to be filed (it was filed or discarded, the vault locked, or 30 minutes passed): add it again');
    this.held.delete(pendingId);
    return pending.scan;
  }

  get size(): number {
    return this.held.size;
  }

  dispose(): void {
    this.held.clear();
  }
}
