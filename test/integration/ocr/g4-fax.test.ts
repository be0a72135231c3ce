import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../electron/api/ocr-schemas';
import type { ApiResponse, MethodName, Params, Result } from '../../../electron/api/contract';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { inspectTiff } from '../../../electron/ocr/tiff';
import { labReport } from '../../../scripts/ocr/documents';
import { TEST_SCRYPT, tempDir } from '../../helpers/temp-vault';
import { writeTiff, type TiffPageSpec } from './tiff-writer';

/**
 * A real CCITT Group 4 fax TIFF, written by libtiff's own `tiffcp -c g4`
 * (Debian's libtiff-tools, installed by .ci/run) from two bilevel pages with
 * known text: the JavaScript decoder cannot read G4, so page 1 goes to
 * Leptonica inside tesseract and the document says that only page 1 of 2 was
 * read. The PackBits case in tiff.test.ts stands in for fax files where
 * tiffcp is missing; this one proves the path on the real encoding.
 */
const tiffcp = spawnSync('tiffcp', [], { stdio: 'ignore' });
const missing = tiffcp.error ? 'tiffcp (apt package libtiff-tools) is not installed' : null;

const PATIENT = 'f0c1d2e3-0000-4000-8000-000000000005';
const bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [{ fullUrl: `urn:uuid:${PATIENT}`, resource: { resourceType: 'Patient', id: PATIENT, name: [{ given: ['Oskar'], family: 'Lindqvist' }], birthDate: '1949-09-30' }, request: { method: 'POST', url: 'Patient' } }],
};
const docs = [51, 52].map((seed) => labReport(seed, { width: 900, height: 380, fontPx: 22, maxLabs: 2 }));

async function bilevel(png: Buffer): Promise<TiffPageSpec> {
  const image = await loadImage(png);
  const ctx = createCanvas(image.width, image.height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, rgba: ctx.getImageData(0, 0, image.width, image.height).data, layout: 'bilevel' };
}

/** Page 1's patient line, e.g. "Patient: Ana Silva": the words that tell the two pages apart. */
const patientOf = (seed: number) => docs[seed]!.truth.lines[1]!.split(/\s+/).slice(1, 3);

let core: CoreClient;
let patientId = '';
async function call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
  const answer = (await core.invoke(method, params)) as ApiResponse<M>;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

describe.skipIf(missing !== null)(`CCITT Group 4 TIFF written by tiffcp${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    core = createInProcessCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT });
    await call('vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: 'correct horse battery staple' });
    await call('import.fhirBundle', { fileName: 'oskar.json', content: JSON.stringify(bundle) });
    patientId = (await call('patients.list', {})).patients[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await core?.close();
  });

  it('reads page 1 through Leptonica with its words and image, and says only page 1 of 2 was read', async () => {
    const dir = tempDir();
    const plain = join(dir, 'plain.tif');
    const fax = join(dir, 'fax.tif');
    writeFileSync(plain, writeTiff([await bilevel(docs[0]!.png), await bilevel(docs[1]!.png)]));
    const run = spawnSync('tiffcp', ['-c', 'g4', plain, fax], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const bytes = readFileSync(fax);
    // Both pages really are G4 (Compression 4), as a fax machine or scanner writes them.
    expect(inspectTiff(bytes, 'fax.tif', 10).map((p) => p.unreadable)).toEqual(['CCITT Group 4 fax compression', 'CCITT Group 4 fax compression']);

    // The generated report names another patient: filed with the clinician's override (identity checks: test/integration/ocr/handlers.test.ts).
    const document = await filedAnyway(await call('documents.upload', { patientId, fileName: 'fax.tif', bytes: bytes }));
    expect(document).toMatchObject({ mediaType: 'image/tiff', pages: 1 });
    expect(document.notice).toBe(
      "Only page 1 of 2 was read: this TIFF uses CCITT Group 4 fax compression, which Continuum reads on a file's first page only. Scan the other pages again as PDF or PNG.",
    );
    const page = await call('documents.page', { documentId: document.id, page: 1 });
    expect(page.source).toBe('ocr');
    const text = page.words.map((w) => w.text).join(' ');
    expect(text).toContain('Northfield Clinical Laboratory');
    expect(text).toContain(patientOf(0).join(' '));
    expect(text).not.toContain(patientOf(1).join(' '));
    for (const lab of docs[0]!.truth.labs) expect(text).toContain(lab.analyte);
    // The page image is stored (PNG, the page's own size), so the review pane can draw the boxes on it.
    const image = Buffer.from(page.imageBase64!, 'base64');
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([900, 380]);
    expect([page.width, page.height]).toEqual([900, 380]);
    for (const word of page.words) expect(word.box.x + word.box.w).toBeLessThanOrEqual(900);
  }, 120_000);
});

/** An upload held back because the page names another patient, filed anyway (the override). */
async function filedAnyway(outcome: { document: DocumentSummary | null; pendingId: string | null }): Promise<DocumentSummary> {
  if (outcome.document) return outcome.document;
  return (await call('documents.fileAnyway', { pendingId: outcome.pendingId! })).document!;
}
