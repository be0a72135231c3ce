import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extract, OcrPool, recognizeDocument, saveDocument, sniffMediaType } from '../../ocr';
import { VaultError } from '../../store/errors';
import { optionalString, printJson, requireString, type Command } from '../command';
import { UsageError } from '../io';
import { withVault } from '../login';

export const ocrCommands: Command[] = [
  {
    name: 'ocr',
    usage: 'ocr --vault FILE --patient ID [--save] [--title T] DOCUMENT',
    summary: 'read a scanned document (PNG, JPEG, TIFF, PDF) offline and print its words (boxes, confidences) and extraction proposals as JSON; --save keeps it in the patient record with the proposals pending review',
    options: { vault: { type: 'string' }, user: { type: 'string' }, patient: { type: 'string' }, save: { type: 'boolean' }, title: { type: 'string' } },
    positionals: 'one-or-more',
    async run(values, files, io) {
      if (files.length !== 1) throw new UsageError('give one document');
      const file = files[0]!;
      const patientId = requireString(values, 'patient');
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new VaultError('not-found', `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not readable'}`);
      }
      await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), async (vault) => {
        if (!vault.db.prepare('SELECT 1 FROM patients WHERE id = ?').get(patientId)) throw new VaultError('not-found', `no patient ${patientId}`);
        const pool = new OcrPool();
        try {
          const pages = await recognizeDocument(pool, bytes, basename(file), {
            onProgress: (p) => {
              if (p.progress === 1) io.err(`page ${p.page}/${p.pages} read\n`);
            },
          });
          const proposals = extract(pages);
          const stored = values.save
            ? saveDocument(vault, { patientId, title: optionalString(values, 'title') ?? basename(file), mediaType: sniffMediaType(bytes)!, bytes, pages, proposals })
            : null;
          printJson(io, {
            file: basename(file),
            document: stored,
            pages: pages.map(({ image: _image, ...page }) => page),
            proposals,
          });
        } finally {
          await pool.close();
        }
      });
    },
  },
];
