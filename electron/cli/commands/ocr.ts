import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { OcrPool } from '../../ocr';
import { fileScan, readScan } from '../../ocr/scan-document';
import { DATE_ORDERS, readDateOrder, saveDateOrder } from '../../ocr/date-order';
import { VaultError } from '../../store/errors';
import { requirePatient } from '../../store/queries/patients';
import { listDocuments } from '../../ocr/list-documents';
import { formatDay } from '../../api/clinical-format';
import { optionalString, printJson, requireString, type Command } from '../command';
import { UsageError } from '../io';
import { withVault } from '../login';

export const ocrCommands: Command[] = [
  {
    name: 'ocr',
    usage: 'ocr --vault FILE --patient ID [--save [--file-anyway]] [--title T] DOCUMENT',
    summary:
      "read a scanned document (PNG, JPEG, TIFF, PDF) offline and print its words (boxes, confidences), extraction proposals and the page's patient beside the chart's as JSON; --save keeps it in the patient record with the proposals pending review, unless the page names another patient (--file-anyway files it then, audited)",
    options: { vault: { type: 'string' }, user: { type: 'string' }, patient: { type: 'string' }, save: { type: 'boolean' }, 'file-anyway': { type: 'boolean' }, title: { type: 'string' } },
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
        const pool = new OcrPool();
        try {
          const scan = await readScan(pool, () => vault, {
            patientId,
            fileName: basename(file),
            bytes,
            onProgress: (p) => {
              if (p.progress === 1) io.err(`page ${p.page}/${p.pages} read\n`);
            },
          });
          const stored = values.save ? fileScan(vault, scan, { title: optionalString(values, 'title'), override: values['file-anyway'] === true }) : null;
          printJson(io, {
            file: basename(file),
            document: stored,
            identity: scan.identity,
            pages: scan.pages.map(({ image: _image, ...page }) => page),
            proposals: scan.proposals,
          });
          if (values.save && !stored) throw new VaultError('invalid-input', `${basename(file)}: not saved: ${scan.identity.summary}; check the page, then --file-anyway to save it under this chart (audited)`);
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
  {
    name: 'documents',
    usage: 'documents --vault FILE --patient ID [--json]',
    summary: "a patient's scanned documents, newest first: pages, proposals still to decide, and whether a clinician has reviewed the recognition",
    options: { vault: { type: 'string' }, user: { type: 'string' }, patient: { type: 'string' }, json: { type: 'boolean' } },
    async run(values, _positionals, io) {
      const patientId = requireString(values, 'patient');
      const documents = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => {
        requirePatient(vault.db, patientId);
        vault.audit('chart.open', patientId, { via: 'cli documents' });
        return listDocuments(vault.db, patientId);
      });
      if (values.json) return printJson(io, documents);
      for (const d of documents) {
        const review = d.review.reviewed ? 'reviewed' : `unreviewed (${d.review.reviewedPages} of ${d.review.pages} pages, ${d.review.wordsLeft} doubtful words left)`;
        io.out(`${d.id}\t${formatDay(d.createdAt.slice(0, 10), 'iso')}\t${d.title}\t${d.pages} page(s)\t${d.proposals.pending} to decide\t${review}${d.notice ? `\t${d.notice}` : ''}\n`);
      }
      io.out(`${documents.length} document(s)\n`);
    },
  },
];
