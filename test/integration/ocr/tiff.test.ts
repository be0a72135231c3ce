import { createCanvas, loadImage } from '@napi-rs/canvas';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../electron/api/ocr-schemas';
import type { ApiResponse, MethodName, Params, Result } from '../../../electron/api/contract';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { degrade } from '../../../scripts/ocr/degrade';
import { labReport, type RenderedDocument } from '../../../scripts/ocr/documents';
import { TEST_SCRYPT, tempDir } from '../../helpers/temp-vault';
import { writeTiff, type TiffPageSpec } from './tiff-writer';

/**
 * Multi-page TIFF through the API (documents.upload with the real OCR pool):
 * every page read, deskewed, with its words, image and proposals; a fax-style
 * file the JavaScript decoder cannot read goes to Leptonica for page 1 and
 * says so; a damaged file is refused in one line and nothing is written.
 */
const PATIENT = 'f0c1d2e3-0000-4000-8000-000000000002';
const bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [{ fullUrl: `urn:uuid:${PATIENT}`, resource: { resourceType: 'Patient', id: PATIENT, name: [{ given: ['Ines'], family: 'Varga' }], birthDate: '1958-02-11' }, request: { method: 'POST', url: 'Patient' } }],
};
const docs = [21, 22, 23].map((seed) => labReport(seed, { width: 900, height: 380, fontPx: 22, maxLabs: 2 }));

async function rgbaOf(png: Buffer): Promise<Pick<TiffPageSpec, 'width' | 'height' | 'rgba'>> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, rgba: ctx.getImageData(0, 0, image.width, image.height).data };
}

let core: CoreClient;
let patientId = '';
async function call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
  const answer = (await core.invoke(method, params)) as ApiResponse<M>;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}
async function failure(method: MethodName, params: unknown): Promise<string> {
  const answer = (await core.invoke(method, params as never)) as ApiResponse<MethodName>;
  if (answer.ok) throw new Error(`${method} should have failed`);
  expect(answer.error.message).not.toContain('\n');
  return `${answer.error.code}: ${answer.error.message}`;
}
const labsOf = (doc: RenderedDocument) => doc.truth.labs.map((l) => `${l.loinc} ${l.value}`);

beforeAll(async () => {
  core = createInProcessCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT });
  await call('vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: 'correct horse battery staple' });
  await call('import.fhirBundle', { fileName: 'ines.json', content: JSON.stringify(bundle) });
  patientId = (await call('patients.list', {})).patients[0]!.id;
}, 120_000);

afterAll(async () => {
  await core?.close();
});

describe('multi-page TIFF', () => {
  it('reads every page (min-is-white grey, RGB turned 2°, bilevel; a thumbnail skipped) with its words, page image and proposals', async () => {
    const turned = await degrade(docs[1]!.png, { name: 'rotated', rotate: 2 });
    const file = writeTiff([
      { ...(await rgbaOf(docs[0]!.png)), layout: 'grey8', minIsWhite: true, compression: 'deflate' },
      { ...(await rgbaOf(docs[0]!.png)), layout: 'grey8', thumbnail: true },
      { ...(await rgbaOf(turned.bytes)), layout: 'rgb8', compression: 'deflate' },
      { ...(await rgbaOf(docs[2]!.png)), layout: 'bilevel' },
    ]);
    // The generated report names another patient: filed with the clinician's override (identity checks: test/integration/ocr/handlers.test.ts).
    const document = await filedAnyway(await call('documents.upload', { patientId, fileName: 'three-pages.tif', bytes: file, uploadId: 'tiff-1' }));
    expect(document).toMatchObject({ title: 'three-pages.tif', mediaType: 'image/tiff', pages: 3, notice: null });
    for (const [i, doc] of docs.entries()) {
      const page = await call('documents.page', { documentId: document.id, page: i + 1 });
      expect(page.source).toBe('ocr');
      expect(Buffer.from(page.imageBase64!, 'base64').subarray(1, 4).toString()).toBe('PNG');
      const text = page.words.map((w) => w.text).join(' ');
      expect(text).toContain('Northfield');
      // Each page's own patient line (names differ by seed) is on that page.
      const name = doc.truth.lines[1]!.split(/\s+/).slice(1, 3).join(' ');
      expect(text, `page ${i + 1}`).toContain(name);
      if (i === 1) expect(page.rotation).toBeCloseTo(2, 0);
      const found = page.proposals.flatMap((p) => (p.proposal.kind === 'lab' ? [`${p.proposal.loinc} ${p.proposal.value}`] : []));
      expect(found.length, `labs on page ${i + 1}`).toBeGreaterThanOrEqual(1);
      for (const f of found) expect(labsOf(doc)).toContain(f);
      for (const p of page.proposals) expect(p.proposal.evidence.page).toBe(i + 1);
    }
  });

  it('reads page 1 of a file the JavaScript decoder cannot (PackBits here, as CCITT fax) through Leptonica, and says only page 1 was read', async () => {
    const page = await rgbaOf(docs[0]!.png);
    const file = writeTiff([
      { ...page, layout: 'grey8', compression: 'packbits' },
      { ...(await rgbaOf(docs[1]!.png)), layout: 'grey8', compression: 'packbits' },
    ]);
    // The generated report names another patient: filed with the clinician's override (identity checks: test/integration/ocr/handlers.test.ts).
    const document = await filedAnyway(await call('documents.upload', { patientId, fileName: 'fax.tif', bytes: file }));
    expect(document.pages).toBe(1);
    expect(document.notice).toBe(
      "Only page 1 of 2 was read: this TIFF uses PackBits compression, which Continuum reads on a file's first page only. Scan the other pages again as PDF or PNG.",
    );
    const read = await call('documents.page', { documentId: document.id, page: 1 });
    expect(read.words.map((w) => w.text).join(' ')).toContain('Northfield');
    // Leptonica's page comes back as an image, so the review pane can draw the boxes on it.
    expect(read.imageBase64).not.toBeNull();
    expect(read.width).toBe(900);
  });

  it('refuses a cut-short TIFF in one line naming the file and page, and writes nothing', async () => {
    const before = (await call('documents.list', { patientId })).documents.length;
    const file = writeTiff(await Promise.all(docs.map(async (d) => ({ ...(await rgbaOf(d.png)), layout: 'grey8' as const }))));
    const cut = file.subarray(0, Math.round(file.length * 0.6));
    expect(await failure('documents.upload', { patientId, fileName: 'cut.tif', bytes: cut })).toBe(
      'invalid-input: cut.tif: the TIFF is cut short (page 2 lies past the end of the file)',
    );
    expect((await call('documents.list', { patientId })).documents.length).toBe(before);
  });
});

/** An upload held back because the page names another patient, filed anyway (the override). */
async function filedAnyway(outcome: { document: DocumentSummary | null; pendingId: string | null }): Promise<DocumentSummary> {
  if (outcome.document) return outcome.document;
  return (await call('documents.fileAnyway', { pendingId: outcome.pendingId! })).document!;
}
