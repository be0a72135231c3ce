import { readFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { createWorker } from 'tesseract.js';
import { OcrPool, langPath } from '../../electron/ocr/engine';
import { extract } from '../../electron/ocr/extract';
import { encodePng } from '../../electron/ocr/png-encode';
import { decode, estimateSkew, turnPage } from '../../electron/ocr/raster';

/**
 * Where a page's time goes: each stage of ocrImage run by itself, one page
 * at a time on one worker, so that no stage waits on another. Also measured,
 * on the same pages, what the two costs removed in this round would still
 * cost: the canvas's RGBA PNG (it was both the stored image and the
 * recognizer's input) and recognition asked for tesseract.js's `blocks` tree.
 */
export interface Stage {
  name: string;
  msPerPage: number;
  /** Part of the pipeline as it runs now (false: a cost it no longer pays). */
  current: boolean;
}

const BLANK_PGM = Buffer.concat([Buffer.from('P5\n16 16\n255\n'), Buffer.alloc(256, 255)]);

export async function breakdown(files: readonly string[]): Promise<Stage[]> {
  const totals = new Map<string, { ms: number; current: boolean }>();
  const add = (name: string, ms: number, current = true) => {
    const entry = totals.get(name) ?? { ms: 0, current };
    entry.ms += ms;
    totals.set(name, entry);
  };
  const time = async <T>(name: string, work: () => T | Promise<T>, current = true): Promise<T> => {
    const started = performance.now();
    const value = await work();
    add(name, performance.now() - started, current);
    return value;
  };
  const pool = new OcrPool(1);
  const before = await createWorker('eng', 1, { langPath: langPath(), cacheMethod: 'none', gzip: true });
  await before.setParameters({ preserve_interword_spaces: '1' });
  try {
    await pool.recognize(BLANK_PGM);
    for (const file of files) {
      const bytes = readFileSync(file);
      const image = await time('decode the file', () => decode(bytes, file));
      const skew = await time('skew angle search', () => estimateSkew(image));
      let started = performance.now();
      const turned = turnPage(image, skew);
      const turnMs = performance.now() - started;
      // turnPage writes the stored PNG too: time that alone and count it apart.
      const channels = turned.pnm[1] === 0x35 ? 1 : 3;
      const pixels = turned.pnm.subarray(turned.pnm.length - turned.width * turned.height * channels);
      started = performance.now();
      encodePng(pixels, turned.width, turned.height, channels);
      const pngMs = performance.now() - started;
      add('turn the page, pixels for the recognizer', Math.max(0, turnMs - pngMs));
      add('PNG of the page for storage', pngMs);
      const result = await time('recognize (worker round trip)', () => pool.recognize(turned.pnm));
      await time('of which per-call overhead (messages, parameters; blank page)', () => pool.recognize(BLANK_PGM));
      await time('extraction (labs, medications, dates)', () =>
        extract([{ page: 1, width: turned.width, height: turned.height, source: 'ocr', rotation: skew, confidence: result.confidence, text: result.text, words: result.words }]),
      );
      // The path this round replaced, on the same page.
      const canvasPng = await time('before: canvas RGBA PNG (stored and sent to the recognizer)', async () => {
        const canvas = createCanvas(turned.width, turned.height);
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, turned.width, turned.height);
        ctx.translate(turned.width / 2, turned.height / 2);
        ctx.rotate((skew * Math.PI) / 180);
        ctx.drawImage(image, -image.width / 2, -image.height / 2);
        return canvas.encode('png');
      }, false);
      await time('before: recognize that PNG with the blocks tree (worker round trip)', () => before.recognize(canvasPng, {}, { blocks: true, text: true }), false);
    }
  } finally {
    await pool.close();
    await before.terminate();
  }
  return [...totals].map(([name, { ms, current }]) => ({ name, msPerPage: ms / files.length, current }));
}
