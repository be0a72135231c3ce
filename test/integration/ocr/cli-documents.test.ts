import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief as briefSchema, type TimelineEvent } from '../../../electron/api/schemas';
import { labReport } from '../../../scripts/ocr/documents';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-vault';
import { memoryBundleText, PATIENT } from '../../unit/agent/memory-fixture';

/**
 * A scanned document through the CLI, as an administrator files one: a page
 * that names another patient is not saved without --file-anyway (audited);
 * a saved one is listed by `continuum documents` (unreviewed until a
 * clinician has looked at it), is on the timeline, and is among the new
 * documents of the next brief.
 */
describe('continuum ocr --save, documents, timeline and brief', () => {
  it('refuses a page naming another patient unless told, then lists, dates and briefs the document', async () => {
    const dir = tempDir();
    const vault = join(dir, 'clinic.vault');
    const bundle = join(dir, 'patient.json');
    writeFileSync(bundle, memoryBundleText());
    expect((await runCli(['vault', 'init', '--vault', vault])).code).toBe(0);
    expect((await runCli(['import', 'fhir', '--vault', vault, bundle])).code).toBe(0);
    const scan = join(dir, 'letter.png');
    writeFileSync(scan, labReport(9, { width: 1000, height: 420, fontPx: 22, maxLabs: 2 }).png);

    const refused = await runCli(['ocr', '--vault', vault, '--patient', PATIENT, '--save', scan]);
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n').at(-1)).toBe(
      "continuum: letter.png: not saved: The file's name and birth date do not match the chart; check the page, then --file-anyway to save it under this chart (audited)",
    );
    expect(JSON.parse(refused.out)).toMatchObject({ document: null, identity: { needsOverride: true, chart: { id: PATIENT } } });
    expect((await runCli(['documents', '--vault', vault, '--patient', PATIENT])).out).toBe('0 document(s)\n');

    const saved = await runCli(['ocr', '--vault', vault, '--patient', PATIENT, '--save', '--file-anyway', scan]);
    expect(saved.code, saved.err).toBe(0);
    const documentId = (JSON.parse(saved.out) as { document: { documentId: string } }).document.documentId;

    const listed = await runCli(['documents', '--vault', vault, '--patient', PATIENT]);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^${documentId}\\t\\d{4}-\\d{2}-\\d{2}\\tletter\\.png\\t1 page\\(s\\)\\t\\d+ to decide\\t(unreviewed|reviewed)`, 'm'));
    const json = JSON.parse((await runCli(['documents', '--vault', vault, '--patient', PATIENT, '--json'])).out) as Array<{ id: string; review: { reviewed: boolean } }>;
    expect(json.map((d) => d.id)).toEqual([documentId]);

    const timeline = JSON.parse((await runCli(['timeline', '--vault', vault, '--patient', PATIENT, '--json'])).out) as TimelineEvent[];
    expect(timeline.filter((e) => e.kind === 'document')).toEqual([expect.objectContaining({ id: documentId, label: 'letter.png' })]);

    const brief = briefSchema.parse(JSON.parse((await runCli(['brief', '--vault', vault, '--patient', PATIENT, '--json'])).out));
    expect(brief.documents).toEqual([expect.objectContaining({ id: documentId, title: 'letter.png', pages: 1, reviewed: json[0]!.review.reviewed })]);

    const audit = await runCli(['audit', 'verify', '--vault', vault]);
    expect(audit.code, audit.err).toBe(0);
  }, 180_000);
});
