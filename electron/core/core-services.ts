import type { DeviceProtector } from '../store/device-wrap';
import type { Vault } from '../store/vault';
import type { CoreOptions } from './core-client';
import { JobRegistry } from './jobs/job-registry';
import { logError } from './log';
import { LiveSessions } from './services/live-sessions';
import { ModelService } from './services/model-service';
import { OcrService } from './services/ocr-service';
import { PacsService } from './services/pacs-service';
import { PendingFilings } from './services/pending-filings';
import { ServiceScope } from './services/service';
import { Session, type UnlockedServices } from './session';
import { VaultThread } from './vault-thread';

/**
 * The core's services, as the handlers get them (handlers/handler.ts): the
 * Session (sign-in, the unlocked vault and its services), the job registry
 * (JobService), the model and the OCR workers.
 */
export interface CoreServices {
  readonly session: Session;
  readonly jobs: JobRegistry;
  readonly models: ModelService;
  readonly ocr: OcrService;
  /** The core closes: the vault locks (its services go, jobs first), then the OCR workers and the model worker. */
  dispose(): Promise<void>;
}

/**
 * The composition root: the one place that builds the core, for every host
 * (the worker core, the in-process core of the CLI and tests). It owns two
 * lifetimes:
 * - the core's: the job registry, the ModelService and the OcrService, built
 *   here and disposed when the core closes;
 * - an unlocked vault's: built on each unlock in the order below, disposed on
 *   lock in the reverse order: running jobs end first (they use everything
 *   else), then held filings, the follow-up sessions, PACS (its password and
 *   pulls), the vault thread, and the vault last. Nothing polls for a lock.
 */
export function composeCore(options: CoreOptions, device: DeviceProtector | null = null, clock: () => number = Date.now): CoreServices {
  const models = new ModelService();
  const ocr = new OcrService();
  const core = new ServiceScope((service, error) => logError(`${service.name}: letting go on close failed`, error));
  core.add(models);
  core.add(ocr);
  // A job reporting progress is work the clinician started: the vault does not lock under it.
  const jobs = new JobRegistry(() => session.touch());
  const unlocked = (vault: Vault, scope: ServiceScope): UnlockedServices => {
    scope.add({ name: 'vault', dispose: () => vault.close() });
    const thread = options.vaultThread ? startThread(vault) : null;
    if (thread) scope.add(thread);
    const pacs = scope.add(new PacsService(vault, jobs, () => (thread?.running ? thread : null)));
    const live = scope.add(new LiveSessions());
    const filings = scope.add(new PendingFilings());
    scope.add({ name: 'jobs', dispose: () => jobs.endAll() });
    return { thread, pacs, live, filings };
  };
  const session = new Session(options, device, clock, { jobs, unlocked });
  return {
    session,
    jobs,
    models,
    ocr,
    async dispose() {
      await session.lock();
      await core.dispose();
    },
  };
}

function startThread(vault: Vault): VaultThread | null {
  try {
    return VaultThread.start(vault);
  } catch (error) {
    logError('the vault thread did not start; the core imports and checkpoints on its own thread', error);
    return null;
  }
}
