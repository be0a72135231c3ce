import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { framePixelsHeader } from '../../../electron/api/imaging-schemas';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { startCoreWorker } from '../../../electron/core/worker-core';
import { DICOM_DIR, haveRealDicom, realDicom } from '../../fixtures/imaging/dicom-files';
import { PASSPHRASE, tempDir, TEST_SCRYPT } from '../../helpers/temp-vault';
import { memoryBundleText } from '../../unit/agent/memory-fixture';

/**
 * 'imaging.framePixels' through the core in its worker thread (as both hosts
 * run it), for every real file and so every transfer syntax we decode: the
 * bytes come back in a buffer of their own, equal to the base64 of 'imaging.frame' (the
 * decode is unchanged, only the way it travels), with the preview in front
 * when one is asked for; every read is audited.
 */
const ENTRY = resolve(__dirname, '../../../electron/core/core-worker-bootstrap.mjs');
const FILES = haveRealDicom() ? readdirSync(DICOM_DIR).filter((f) => f.endsWith('.dcm')).sort() : [];

let worker: CoreClient;
let patientId: string;
const instances = new Map<string, string>();

async function invoke(core: CoreClient, method: string, params: unknown): Promise<Record<string, unknown>> {
  const response = await core.invoke(method, params);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.value as Record<string, unknown>;
}

beforeAll(async () => {
  if (!haveRealDicom()) return;
  worker = startCoreWorker({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT }, ENTRY);
  await invoke(worker, 'vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE });
  await invoke(worker, 'import.fhirBundle', { fileName: 'memory.json', content: memoryBundleText() });
  patientId = ((await invoke(worker, 'patients.list', {})) as unknown as { patients: Array<{ id: string }> }).patients[0]!.id;
  for (const file of FILES) {
    const outcome = await invoke(worker, 'imaging.import', { fileName: file, bytes: Buffer.from(realDicom(file)), patientId, override: true });
    if (outcome['instanceId']) instances.set(file, String(outcome['instanceId']));
  }
}, 120_000);

afterAll(async () => {
  await worker?.close();
});

describe.skipIf(!haveRealDicom())('imaging.framePixels through the worker core', () => {
  it('imports every real file', () => {
    expect([...instances.keys()]).toEqual(FILES);
  });

  it.each(FILES)('%s: the same pixels as imaging.frame, raw and transferred, with or without a preview', async (file) => {
    const instanceId = instances.get(file)!;
    const json = await invoke(worker, 'imaging.frame', { instanceId });
    const expected = Buffer.from(String(json['base64']), 'base64');
    const { base64: _omit, ...jsonHeader } = json;
    void _omit;

    const plain = await worker.invokeBinary('imaging.framePixels', { instanceId });
    if (!plain.ok) throw new Error(plain.error.message);
    expect(plain.value.bytes).toBeInstanceOf(Uint8Array);
    // The bytes are their buffer's whole (what lets the worker transfer it rather than copy it).
    expect(plain.value.bytes.byteOffset).toBe(0);
    expect(plain.value.bytes.buffer.byteLength).toBe(plain.value.bytes.byteLength);
    expect(Buffer.from(plain.value.bytes).equals(expected)).toBe(true);
    const header = framePixelsHeader.parse(plain.value.header);
    const { decodeMs: _a, ...sameAsJson } = jsonHeader as Record<string, unknown>;
    void _a;
    expect(header).toMatchObject({ ...sameAsJson, preview: null, pixelsOffset: 0, byteLength: expected.length });

    const withPreview = await worker.invokeBinary('imaging.framePixels', { instanceId, preview: { width: 200, height: 200 } });
    if (!withPreview.ok) throw new Error(withPreview.error.message);
    const h = withPreview.value.header;
    expect(Buffer.from(withPreview.value.bytes.subarray(h.pixelsOffset)).equals(expected)).toBe(true);
    expect({ min: h.minPixelValue, max: h.maxPixelValue }).toEqual({ min: header.minPixelValue, max: header.maxPixelValue });
    if (header.samplesPerPixel === 3 || Math.max(header.columns / 200, header.rows / 200) < 2) {
      expect(h.preview).toBeNull();
    } else {
      expect(h.preview).not.toBeNull();
      expect(h.preview!.rows).toBe(Math.ceil(header.rows / h.preview!.factor));
      expect(h.preview!.byteLength).toBe(h.preview!.rows * h.preview!.columns * (header.bitsAllocated / 8));
      expect(h.pixelsOffset).toBe(Math.ceil(h.preview!.byteLength / 8) * 8);
    }
  });

  it('audits every read as a view of the chart', async () => {
    const instanceId = instances.get(FILES[0]!)!;
    const history = async () => ((await invoke(worker, 'chart.accessHistory', { patientId, limit: 1000 })) as unknown as { entries: unknown[] }).entries.length;
    const before = await history();
    const answer = await worker.invokeBinary('imaging.framePixels', { instanceId });
    expect(answer.ok).toBe(true);
    expect(await history()).toBe(before + 1);
  });

  it('refuses bad params, unknown methods and unknown instances with a one-line message, never internal', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['imaging.framePixels', { instanceId: '' }, 'invalid-request'],
      ['imaging.framePixels', { instanceId: 'x', preview: { width: 10 } }, 'invalid-request'],
      ['imaging.framePixels', { instanceId: 'x', extra: 1 }, 'invalid-request'],
      ['imaging.frame', { instanceId: 'x' }, 'invalid-request'],
      ['imaging.framePixels', { instanceId: 'no-such-instance' }, 'not-found'],
    ];
    for (const [method, params, code] of cases) {
      const answer = await worker.invokeBinary(method, params);
      expect(answer, `${method} ${JSON.stringify(params)}`).toMatchObject({ ok: false, error: { code } });
      if (!answer.ok) expect(answer.error.message).not.toMatch(/[\r\n]/);
    }
  });

  it('answers random and garbage params with the contract\'s shape, never a throw and never internal', async () => {
    const instanceId = instances.get(FILES[0]!)!;
    const value = fc.oneof(fc.constantFrom<unknown>(instanceId, 'x', '', 0, -1, 1.5, 16_385, null, true, [], {}, '\u0000'), fc.anything({ maxDepth: 2 }));
    const params = fc.oneof(
      fc.dictionary(fc.constantFrom('instanceId', 'frame', 'preview'), value, { maxKeys: 3 }),
      fc.record({ instanceId: fc.constant(instanceId), preview: fc.record({ width: fc.integer({ min: -5, max: 20_000 }), height: fc.integer({ min: -5, max: 20_000 }) }) }),
      fc.anything({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        const answer = await worker.invokeBinary('imaging.framePixels', p);
        if (answer.ok) {
          expect(answer.value.bytes.byteLength).toBe(answer.value.header.pixelsOffset + answer.value.header.byteLength);
        } else {
          expect(answer.error.code).not.toBe('internal');
          expect(answer.error.message).not.toMatch(/[\r\n]/);
        }
      }),
      { numRuns: 150, seed: 20261123 },
    );
  }, 120_000);

  it('answers the same in-process (CLI and tests) as in the worker', async () => {
    const local = createInProcessCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT });
    await invoke(local, 'vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE });
    await invoke(local, 'import.fhirBundle', { fileName: 'memory.json', content: memoryBundleText() });
    const pid = ((await invoke(local, 'patients.list', {})) as unknown as { patients: Array<{ id: string }> }).patients[0]!.id;
    const file = 'JPEG-LL.dcm';
    const imported = await invoke(local, 'imaging.import', { fileName: file, bytes: Buffer.from(realDicom(file)), patientId: pid, override: true });
    const here = await local.invokeBinary('imaging.framePixels', { instanceId: String(imported['instanceId']) });
    const there = await worker.invokeBinary('imaging.framePixels', { instanceId: instances.get(file)! });
    if (!here.ok || !there.ok) throw new Error('a frame was refused');
    expect(Buffer.from(here.value.bytes).equals(Buffer.from(there.value.bytes))).toBe(true);
    await local.close();
  });
});
