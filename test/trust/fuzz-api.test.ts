import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorCode, contract, methodNames } from '../../electron/api/contract';
import { eventKind } from '../../electron/api/schemas';
import { createDispatch, type Dispatch } from '../../electron/core/dispatch';
import { composeCore, type CoreServices } from '../../electron/core/core-services';
import type { Session } from '../../electron/core/session';
import { importBundleText } from '../../electron/fhir';
import { verifyAudit } from '../../electron/store/audit';
import { memoryBundleText, PATIENT } from '../unit/agent/memory-fixture';
import { PASSPHRASE, tempDir, TEST_SCRYPT } from '../helpers/temp-vault';
import { envCount, writeTrustResult } from './support';

// Every message of the renderer-to-core API, with random and garbage params
// (and random method names), through the real dispatcher on an unlocked
// vault holding a patient: never a throw, always a response of the
// contract's shape; a refusal carries a known code and a one-line message;
// params that fail the contract's schema are refused as 'invalid-request';
// no input makes the core fail with 'internal'.

const RUNS = envCount('CONTINUUM_TRUST_FUZZ_RUNS', 300);

// Values a real renderer would send, mixed with garbage, so that calls get past validation too.
const plausible = fc.constantFrom<unknown>(
  PATIENT, 'enc-1', 'cond-1', 'med-1', 'alg-1', 'a1c-3', 'wt-1', '4548-4', '2025-02-03|laboratory', 'nobody',
  'dr.ada', 'Dr Ada', PASSPHRASE, 'metformin', 'hba1c', '2024-01-01', '2025-12-31T00:00:00Z', 1, 10, 100, 5000, 0, -1, 1.5,
  '', ' ', 'x'.repeat(300), '../../etc/passwd', "'; DROP TABLE patients; --", '%', '\u0000', '\uD800', null, true, [], {},
  ...eventKind.options,
);
const value = fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) }, fc.string(), fc.integer(), fc.double());

function shapeKeys(method: string): string[] {
  const params = contract[method as keyof typeof contract].params as unknown as { shape?: Record<string, unknown> };
  return params.shape ? Object.keys(params.shape) : [];
}

const methodName = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...methodNames) }, fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'vault.', ''));
const call = methodName.chain((method) => {
  const keys = methodNames.includes(method as never) ? shapeKeys(method) : [];
  const known = keys.length > 0 ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }) : fc.constant({});
  const params = fc.oneof(
    { weight: 4, arbitrary: known },
    { weight: 1, arbitrary: fc.tuple(known, fc.dictionary(fc.string(), value, { maxKeys: 2 })).map(([a, b]) => ({ ...b, ...a })) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, 0, '', [], 'params', Number.NaN) },
  );
  return fc.tuple(fc.constant(method), params);
});

let services: CoreServices;
let session: Session;
let dispatch: Dispatch;
/** The sign-in delays' clock: moved past any wait before the harness signs in again. */
let clock = Date.now();

beforeAll(() => {
  services = composeCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT }, null, () => clock);
  session = services.session;
  session.create({ id: 'dr.ada', displayName: 'Dr Ada Lovelace' }, PASSPHRASE);
  importBundleText(session.requireVault(), 'agent-fixture.json', memoryBundleText());
  dispatch = createDispatch(services);
});
afterAll(() => services.dispose());

describe('fuzz: every renderer-to-core message', () => {
  it(`answers ${RUNS} random calls with a contract-shaped response, never a throw`, { timeout: 60_000 + RUNS * 100 }, async () => {
    const started = Date.now();
    const outcomes: Record<string, number> = {};
    let cases = 0;
    let failure: string | null = null;
    try {
      await fc.assert(
        fc.asyncProperty(call, async ([method, params]) => {
          cases += 1;
          const response = await dispatch(method, params);
          if (response.ok) {
            outcomes.ok = (outcomes.ok ?? 0) + 1;
          } else {
            const { code, message } = response.error;
            outcomes[code] = (outcomes[code] ?? 0) + 1;
            expect(apiErrorCode.options).toContain(code);
            expect(code).not.toBe('internal');
            expect(message.length).toBeGreaterThan(0);
            expect(message.length).toBeLessThan(1000);
            expect(message).not.toMatch(/[\r\n]/);
          }
          if (methodNames.includes(method as never)) {
            const valid = contract[method as keyof typeof contract].params.safeParse(params ?? {}).success;
            if (!valid) expect(response).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
          } else {
            expect(response).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
          }
          // Calls that lock the vault (vault.lock, vault.unlock with a wrong passphrase) are fine; unlock again for the next,
          // once the wait after a wrong passphrase is over (a minute at most).
          if (session.status().state !== 'unlocked') {
            clock += 61_000;
            session.unlock('dr.ada', PASSPHRASE);
          }
        }),
        { numRuns: RUNS, seed: envCount('CONTINUUM_TRUST_SEED', 20261123) },
      );
    } catch (error) {
      failure = (error as Error).message.split('\n').slice(0, 12).join('\n');
    }
    const vault = session.requireVault();
    const integrity = vault.db.pragma('integrity_check', { simple: true });
    const audit = verifyAudit(vault.db).ok;
    writeTrustResult('fuzz-api', { cases, failures: failure ? 1 : 0, failure, outcomes, integrity, auditVerifies: audit, seconds: (Date.now() - started) / 1000 });
    expect(failure).toBeNull();
    expect(integrity).toBe('ok');
    expect(audit).toBe(true);
  });
});
