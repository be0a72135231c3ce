import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extract, OcrPool, recognizeDocument, saveDocument, sniffMediaType } from '../../ocr';
import { DATE_ORDERS, readDateOrder, saveDateOrder } from '../../ocr/date-order';
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
          const proposals = extract(pages, { dateOrder: readDateOrder(vault) });
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
  {
    name: 'ocr date-order',
    usage: `ocr date-order --vault FILE [--set ${DATE_ORDERS.join('|')}]`,
    summary: "the clinic's order of day and month in numeric dates on scanned paperwork (07-08-2020): prints it, or sets it; a date that could be read either way is still shown with its other reading",
    options: { vault: { type: 'string' }, user: { type: 'string' }, set: { type: 'string' } },
    async run(values, _positionals, io) {
      const wanted = optionalString(values, 'set');
      const order = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => (wanted ? saveDateOrder(vault, wanted) : readDateOrder(vault)));
      io.out(`${order}\n`);
    },
  },
];
