import type { ApiResponse, BinaryMethodName, BinaryResponse, MethodName } from '../api/contract';

/**
 * The core as a host sees it: one function that takes an untrusted method
 * name and params and answers a validated response. The in-process core
 * (CLI, tests) and the worker-thread core (browser host, Electron) both
 * implement it, so a host never knows which it has.
 */
export interface CoreClient {
  invoke(method: string, params: unknown): Promise<ApiResponse<MethodName>>;
  /** A binary method (contract.ts, binaryContract): the header and the raw bytes, or an error. */
  invokeBinary(method: string, params: unknown): Promise<BinaryResponse<BinaryMethodName>>;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** The vault file; its keyring is FILE.keys beside it. */
  readonly vaultFile: string;
  /** Minutes of inactivity before the vault locks itself and forgets its key. */
  readonly autoLockMinutes?: number;
  /** scrypt cost for new passphrases; only tests lower it. */
  readonly scrypt?: { N: number; r: number; p: number };
  /**
   * The starter evidence library folder (resources/evidence) the host ships:
   * its documents go into a vault on first run and whenever it brings one the
   * vault lacks. Absent: none (tests, and checkouts that did not build it).
   */
  readonly starterLibrary?: string;
  /**
   * Whether the library's passages are embedded in the background (a local
   * sentence encoder, for the second ranker beside BM25) and questions with
   * them. Default true; tests that look at the lexical ranking alone, or
   * cannot spare the CPU, turn it off.
   */
  readonly embedEvidence?: boolean;
  /**
   * Whether imports (FHIR bundles, DICOM instances) are written, and SQLite's
   * WAL checkpoints run, in a thread with its own connection
   * (vault-thread.ts), so that the core's thread keeps answering chart reads.
   * Default: on in the worker core (the hosts), off in the in-process core
   * (the CLI, most tests), which imports on its own thread in slices.
   */
  readonly vaultThread?: boolean;
}
