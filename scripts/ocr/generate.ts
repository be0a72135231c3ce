import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEGRADATIONS, degrade } from './degrade';
import { dischargeLetter, labReport, prescription, type RenderedDocument, type TruthDocument } from './documents';

/** One page of the generated set: the image on disk and what it says. */
export interface SetPage {
  file: string;
  mediaType: 'image/png' | 'image/jpeg';
  degradation: string;
  truth: TruthDocument;
}

/**
 * Writes the OCR test set: each document clean and under each degradation,
 * with truth.json beside the images. Deterministic for a given seed.
 * Usage: tsx scripts/ocr/generate.ts [OUT_DIR] [DOCUMENTS_PER_KIND]
 */
export async function generateSet(outDir: string, perKind = 2, degradations = DEGRADATIONS): Promise<SetPage[]> {
  mkdirSync(outDir, { recursive: true });
  const documents: RenderedDocument[] = [];
  for (let i = 0; i < perKind; i += 1) {
    documents.push(labReport(1000 + i), prescription(2000 + i), dischargeLetter(3000 + i));
  }
  const pages: SetPage[] = [];
  for (const [index, document] of documents.entries()) {
    for (const d of degradations) {
      const { bytes, mediaType } = await degrade(document.png, d, index + 1);
      const file = join(outDir, `${document.truth.id}-${d.name}.${mediaType === 'image/png' ? 'png' : 'jpg'}`);
      writeFileSync(file, bytes);
      pages.push({ file, mediaType, degradation: d.name, truth: document.truth });
    }
  }
  writeFileSync(join(outDir, 'truth.json'), `${JSON.stringify(pages, null, 2)}\n`);
  return pages;
}

if (process.argv[1] && resolve(process.argv[1]).endsWith(join('scripts', 'ocr', 'generate.ts'))) {
  const out = resolve(process.argv[2] ?? 'test-artifacts/ocr-set');
  const perKind = Number(process.argv[3] ?? '2');
  generateSet(out, perKind).then(
    (pages) => console.log(`wrote ${pages.length} pages and truth.json to ${out}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
