import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { lesionChange } from '../../../electron/api/imaging-schemas';
import { decideFinding, findingForFact, proposeFinding } from '../../../electron/imaging/findings';
import { importDicomBytes } from '../../../electron/imaging/import-dicom';
import {
  calibratePhoto,
  createLesion,
  exifDateTaken,
  exportLesionSeries,
  importPhotoBytes,
  isoFromExif,
  lesionHistory,
  listPhotos,
  setOutline,
} from '../../../electron/imaging/photos';
import { getRecordDetails } from '../../../electron/store/queries/details';
import { searchText } from '../../../electron/store/queries/search';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault, tempDir } from '../../helpers/temp-vault';
import { ellipseOutline, syntheticPhoto, withExifDate } from './synthetic-photo';

function addPatient(vault: Vault, id = 'pat-1'): string {
  const at = vault.now().toISOString();
  const source = Number(vault.db.prepare(`INSERT INTO sources (kind, label, created_at) VALUES ('system', 'test', ?)`).run(at).lastInsertRowid);
  vault.db
    .prepare(
      `INSERT INTO patients (id, name_text, family, given, birth_date, sex, identifiers, search_text, source_id, recorded_at)
       VALUES (?, 'Jane Doe', 'Doe', 'Jane', '1970-03-04', 'female', ?, 'jane doe', ?, ?)`,
    )
    .run(id, JSON.stringify([{ system: 'urn:mrn', value: 'MRN-123', type: 'Medical Record Number' }]), source, at);
  return id;
}

describe('photo import', () => {
  it('takes the date from EXIF when present, else the one given; refuses non-images, empty and undated photos in one line', async () => {
    const vault = createTestVault();
    const patientId = addPatient(vault);
    const photo = syntheticPhoto();
    const exif = await importPhotoBytes(vault, { patientId, fileName: 'a.jpg', bytes: withExifDate(photo.bytes, '2024:05:17 14:03:22'), bodySite: 'left forearm', takenAt: '2020-01-01' });
    expect(exif.status).toBe('imported');
    expect(exif.photo).toMatchObject({ takenAt: '2024-05-17T14:03:22', takenFrom: 'exif', bodySite: 'left forearm', width: 640, height: 480, mediaType: 'image/jpeg', calibration: null });
    const given = await importPhotoBytes(vault, { patientId, fileName: 'b.png', bytes: syntheticPhoto({ format: 'png' }).bytes, bodySite: 'back', takenAt: '2024-06-01' });
    expect(given.photo).toMatchObject({ takenAt: '2024-06-01', takenFrom: 'given', mediaType: 'image/png' });
    const again = await importPhotoBytes(vault, { patientId, fileName: 'b-copy.png', bytes: syntheticPhoto({ format: 'png' }).bytes, bodySite: 'back', takenAt: '2024-06-01' });
    expect(again.status).toBe('already-imported');

    const text = await importPhotoBytes(vault, { patientId, fileName: 'notes.txt', bytes: Buffer.from('hello'), bodySite: 'back', takenAt: '2024-06-01' });
    expect(text).toMatchObject({ status: 'rejected', message: 'notes.txt: not a JPEG or PNG photo' });
    const empty = await importPhotoBytes(vault, { patientId, fileName: 'empty.jpg', bytes: new Uint8Array(0), bodySite: 'back', takenAt: '2024-06-01' });
    expect(empty.message).toBe('empty.jpg: the file is empty');
    const broken = Buffer.from(photo.bytes.subarray(0, 40));
    const damaged = await importPhotoBytes(vault, { patientId, fileName: 'cut.jpg', bytes: broken, bodySite: 'back', takenAt: '2024-06-01' });
    expect(damaged.status).toBe('rejected');
    expect(damaged.message).toMatch(/^cut\.jpg: a damaged (JPEG|image)/);
    const undated = await importPhotoBytes(vault, { patientId, fileName: 'c.jpg', bytes: syntheticPhoto({ lesionMm: [3, 3] }).bytes, bodySite: 'back' });
    expect(undated.message).toBe('c.jpg: the photo carries no date taken (EXIF); give it (--date YYYY-MM-DD)');
    await expect(importPhotoBytes(vault, { patientId, fileName: 'd.jpg', bytes: photo.bytes, bodySite: ' ', takenAt: '2024-06-01' })).rejects.toThrow('d.jpg: name the body site');
    await expect(importPhotoBytes(vault, { patientId: 'nobody', fileName: 'e.jpg', bytes: photo.bytes, bodySite: 'back', takenAt: '2024-06-01' })).rejects.toThrow('patient nobody is not in the vault');

    // A header claiming 20000 x 20000 pixels is refused before any decoding.
    const huge = Buffer.from(photo.bytes);
    const sof = huge.indexOf(Buffer.from([0xff, 0xc0]));
    huge.writeUInt16BE(20000, sof + 5);
    huge.writeUInt16BE(20000, sof + 7);
    const tooBig = await importPhotoBytes(vault, { patientId, fileName: 'huge.jpg', bytes: huge, bodySite: 'back', takenAt: '2024-06-01' });
    expect(tooBig.message).toBe('huge.jpg: 20000 x 20000 pixels is more than the 60 megapixels a photo may have');
    expect(listPhotos(vault.db, patientId)).toHaveLength(2);
    // The photo is stored whole, in the (encrypted) vault.
    const stored = vault.db.prepare('SELECT content FROM images WHERE id = ?').get(exif.photo!.id) as { content: Buffer };
    expect(Buffer.compare(stored.content, withExifDate(photo.bytes, '2024:05:17 14:03:22'))).toBe(0);
    vault.close();
  });

  it('reads EXIF in either byte order and ignores blank or impossible dates', () => {
    const jpeg = syntheticPhoto().bytes;
    expect(exifDateTaken(withExifDate(jpeg, '2019:12:31 23:59:59', 'MM'))).toBe('2019-12-31T23:59:59');
    expect(exifDateTaken(withExifDate(jpeg, '    :  :     :  :  '))).toBeNull();
    expect(exifDateTaken(jpeg)).toBeNull();
    expect(isoFromExif('2023:02:30 10:00:00')).toBeNull();
    expect(isoFromExif('2023:02:28 25:00:00')).toBe('2023-02-28');
  });
});

describe('calibration, outline and follow-up', () => {
  it('measures a lesion of known size within 2 % and reports the change between two dates', async () => {
    const vault = createTestVault();
    const patientId = addPatient(vault);
    const lesion = createLesion(vault, { patientId, name: 'Naevus A', bodySite: 'left forearm' });
    // The same lesion twice: 6 x 4 mm at 20 px/mm, then 7.5 x 5 mm photographed closer (25 px/mm).
    const first = syntheticPhoto({ pxPerMm: 20, lesionMm: [6, 4] });
    const second = syntheticPhoto({ pxPerMm: 25, lesionMm: [7.5, 5] });
    const a = (await importPhotoBytes(vault, { patientId, fileName: 'a.jpg', bytes: first.bytes, bodySite: 'left forearm', takenAt: '2024-01-10', lesionId: lesion.id })).photo!;
    const b = (await importPhotoBytes(vault, { patientId, fileName: 'b.jpg', bytes: second.bytes, bodySite: 'left forearm', takenAt: '2024-07-10', lesionId: lesion.id })).photo!;

    const uncalibrated = setOutline(vault, a.id, lesion.id, ellipseOutline(first.lesion));
    expect(uncalibrated.outlines[0]).toMatchObject({ diameterMm: null, areaMm2: null });
    expect(uncalibrated.outlines[0]!.diameterPx).toBeCloseTo(120, 0);

    const calibrated = calibratePhoto(vault, a.id, first.ruler.from, first.ruler.to, first.ruler.mm);
    expect(calibrated.spacing).toMatchObject({ status: 'calibrated' });
    expect(calibrated.calibration!.mmPerPixel).toBeCloseTo(0.05, 6);
    expect(calibrated.outlines[0]!.diameterMm).toBeCloseTo(6, 1);
    expect(calibrated.outlines[0]!.areaMm2! / (Math.PI * 3 * 2)).toBeGreaterThan(0.98);

    calibratePhoto(vault, b.id, second.ruler.from, second.ruler.to, 10);
    setOutline(vault, b.id, lesion.id, ellipseOutline(second.lesion));
    const history = lesionHistory(vault.db, lesion.id);
    expect(history.points.map((p) => p.takenAt)).toEqual(['2024-01-10', '2024-07-10']);
    const [p1, p2] = history.points as [(typeof history.points)[0], (typeof history.points)[0]];
    const change = lesionChange({ date: p1.takenAt, diameterMm: p1.diameterMm!, areaMm2: p1.areaMm2 }, { date: p2.takenAt, diameterMm: p2.diameterMm!, areaMm2: p2.areaMm2 });
    expect(change.diameterMm).toBeCloseTo(1.5, 1);
    expect(change.text).toMatch(/^Longest diameter 6\.0 mm on 2024-01-10 → 7\.5 mm on 2024-07-10 \(\+1\.5 mm, \+25 %, larger\)/);

    expect(() => calibratePhoto(vault, a.id, { x: 10, y: 10 }, { x: 12, y: 10 }, 10)).toThrow(/2\.0 pixels apart; mark a longer segment/);
    expect(() => calibratePhoto(vault, a.id, first.ruler.from, first.ruler.to, 0)).toThrow(/known length must be between 0 and 1000 mm/);
    expect(() => setOutline(vault, a.id, lesion.id, [{ x: 1, y: 1 }, { x: 2, y: 2 }])).toThrow(/at least 3 points/);
    expect(() => setOutline(vault, a.id, lesion.id, [{ x: 1, y: 1 }, { x: 2, y: 2 }, { x: 900, y: 2 }])).toThrow(/\(900, 2\) is outside the 640 x 480 image/);
    vault.close();
  });
});

describe('findings become facts only when confirmed', () => {
  it('proposes a lesion finding, confirms it into a cited fact with the image as provenance', async () => {
    const vault = createTestVault();
    const patientId = addPatient(vault);
    const lesion = createLesion(vault, { patientId, name: 'Naevus A', bodySite: 'left forearm' });
    const photo = syntheticPhoto();
    const p = (await importPhotoBytes(vault, { patientId, fileName: 'a.jpg', bytes: photo.bytes, bodySite: 'left forearm', takenAt: '2024-01-10', lesionId: lesion.id })).photo!;
    calibratePhoto(vault, p.id, photo.ruler.from, photo.ruler.to, 10);
    const outline = ellipseOutline(photo.lesion);
    const proposed = proposeFinding(vault, { kind: 'photo', photoId: p.id, lesionId: lesion.id }, { kind: 'lesion', points: outline });
    expect(proposed.status).toBe('pending');
    expect(proposed.statement).toBe('Lesion "Naevus A": longest diameter 6.0 mm, area 18.8 mm² on photo of left forearm of 2024-01-10 (calibrated by the clinician from a known length).');
    expect(vault.db.prepare('SELECT count(*) FROM memory_facts').pluck().get()).toBe(0);

    const confirmed = decideFinding(vault, proposed.id, 'confirm');
    expect(confirmed).toMatchObject({ status: 'confirmed', decidedBy: 'dr.ada' });
    const fact = getRecordDetails(vault.db, 'fact', confirmed.factId!);
    expect(fact?.label).toBe(proposed.statement);
    expect(fact?.provenance.sourceLabel).toBe('Photo a.jpg');
    expect(fact?.provenance.sourceRef).toMatch(new RegExp(`^image:photo/${p.id}#frame=0&lesion=`));
    expect(findingForFact(vault.db, confirmed.factId!)?.id).toBe(proposed.id);
    expect(searchText(vault.db, patientId, 'naevus diameter').map((h) => h.id)).toContain(confirmed.factId);
    expect(() => decideFinding(vault, proposed.id, 'reject')).toThrow(/already confirmed/);

    const rejected = decideFinding(vault, proposeFinding(vault, { kind: 'photo', photoId: p.id }, { kind: 'length', points: [photo.ruler.from, photo.ruler.to] }).id, 'reject');
    expect(rejected).toMatchObject({ status: 'rejected', factId: null });
    expect(() => proposeFinding(vault, { kind: 'photo', photoId: p.id }, { kind: 'angle', points: [photo.ruler.from, photo.ruler.to] })).toThrow(/an angle has 3 points/);
    expect(() => proposeFinding(vault, { kind: 'photo', photoId: p.id }, { kind: 'text', points: [photo.ruler.from] })).toThrow(/needs its text/);
    vault.close();
  });
});

describe('VL Photographic Image export', () => {
  it('writes one file per photo in one series per lesion, parsed back by dicom-parser and imported by the DICOM import', async () => {
    const vault = createTestVault();
    const patientId = addPatient(vault);
    const lesion = createLesion(vault, { patientId, name: 'Naevus A', bodySite: 'left forearm' });
    const jpeg = syntheticPhoto();
    const png = syntheticPhoto({ format: 'png', width: 321, height: 241, lesionMm: [5, 5] });
    const a = (await importPhotoBytes(vault, { patientId, fileName: 'a.jpg', bytes: withExifDate(jpeg.bytes, '2024:01:10 09:30:00'), bodySite: 'left forearm', lesionId: lesion.id })).photo!;
    await importPhotoBytes(vault, { patientId, fileName: 'b.png', bytes: png.bytes, bodySite: 'left forearm', takenAt: '2024-07-10', lesionId: lesion.id });
    calibratePhoto(vault, a.id, jpeg.ruler.from, jpeg.ruler.to, 10);
    const dir = tempDir();
    const result = await exportLesionSeries(vault, lesion.id, dir);
    expect(readdirSync(dir).sort()).toEqual(['IMG0001.dcm', 'IMG0002.dcm']);
    expect(result.files.map((f) => f.transferSyntax)).toEqual(['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.1']);

    const parsed = result.files.map((f) => dicomParser.parseDicom(new Uint8Array(readFileSync(f.file))));
    const [first, second] = parsed as [dicomParser.DataSet, dicomParser.DataSet];
    for (const ds of parsed) {
      expect(ds.string('x00080016')).toBe('1.2.840.10008.5.1.4.1.1.77.1.4');
      expect(ds.string('x00080060')).toBe('XC');
      expect(ds.string('x00100010')).toBe('Doe^Jane');
      expect(ds.string('x00100020')).toBe('MRN-123');
      expect(ds.string('x00100030')).toBe('19700304');
      expect(ds.string('x00100040')).toBe('F');
      expect(ds.string('x00080020')).toBe('20240110');
      expect(ds.string('x00200060')).toBe('L');
      const region = ds.elements['x00082218']!.items![0]!.dataSet!;
      expect([region.string('x00080100'), region.string('x00080102'), region.string('x00080104')]).toEqual(['14975008', 'SCT', 'Forearm']);
    }
    expect(first.string('x0020000e')).toBe(second.string('x0020000e'));
    expect(first.string('x0020000d')).toBe(second.string('x0020000d'));
    expect(first.string('x00080023')).toBe('20240110');
    expect(first.string('x00080033')).toBe('093000');
    expect(second.string('x00080023')).toBe('20240710');
    // The JPEG is the photo's own bytes, one fragment, untouched.
    expect(first.string('x00280004')).toBe('YBR_FULL_422');
    const fragments = first.elements['x7fe00010']!.fragments!;
    expect(fragments).toHaveLength(1);
    const stored = vault.db.prepare('SELECT content FROM images WHERE id = ?').get(a.id) as { content: Buffer };
    const bytes = readFileSync(result.files[0]!.file);
    expect(Buffer.compare(bytes.subarray(fragments[0]!.position, fragments[0]!.position + stored.content.length), stored.content)).toBe(0);
    expect(first.string('x00204000')).toMatch(/^Calibrated by dr\.ada: 10 mm over 200\.0 pixels/);
    // The PNG as RGB pixels.
    expect([second.string('x00280004'), second.uint16('x00280010'), second.uint16('x00280011'), second.uint16('x00280002')]).toEqual(['RGB', 241, 321, 3]);
    expect(second.elements['x7fe00010']!.length).toBe(321 * 241 * 3 + 1);

    // The project's own DICOM import accepts both files (into a second chart).
    const other = addPatient(vault, 'pat-2');
    for (const f of result.files) {
      const outcome = importDicomBytes(vault, f.file, new Uint8Array(readFileSync(f.file)), { patientId: other, override: true });
      expect(outcome.status, outcome.message).toBe('imported');
    }
    // A second export names the same instances.
    const again = await exportLesionSeries(vault, lesion.id, join(dir, 'again'));
    const uid = (f: string) => dicomParser.parseDicom(new Uint8Array(readFileSync(f))).string('x00080018');
    expect(uid(again.files[0]!.file)).toBe(uid(result.files[0]!.file));
    vault.close();
  });
});

describe('a confirmed finding in the brief', () => {
  it('is a brief line in the fact\'s own words, citing the fact, and passes the grounding verifier', async () => {
    const { buildBrief } = await import('../../../electron/agent/brief');
    const vault = createTestVault();
    const patientId = addPatient(vault);
    const lesion = createLesion(vault, { patientId, name: 'Naevus A', bodySite: 'left forearm' });
    const photo = syntheticPhoto();
    const p = (await importPhotoBytes(vault, { patientId, fileName: 'a.jpg', bytes: photo.bytes, bodySite: 'left forearm', takenAt: '2024-01-10', lesionId: lesion.id })).photo!;
    calibratePhoto(vault, p.id, photo.ruler.from, photo.ruler.to, 10);
    const finding = decideFinding(vault, proposeFinding(vault, { kind: 'photo', photoId: p.id, lesionId: lesion.id }, { kind: 'lesion', points: ellipseOutline(photo.lesion) }).id, 'confirm');
    const pending = proposeFinding(vault, { kind: 'photo', photoId: p.id }, { kind: 'length', points: [photo.ruler.from, photo.ruler.to] });
    const brief = buildBrief(vault.db, patientId, new Date());
    const lines = brief.sections.find((s) => s.id === 'changes')!.lines;
    const line = lines.find((l) => l.citations.some((c) => c.kind === 'record' && c.record === 'fact'));
    expect(line).toMatchObject({ text: finding.statement, verdict: 'supported', citations: [{ kind: 'record', record: 'fact', id: finding.factId }] });
    // A pending proposal is not in the record, so not in the brief.
    expect(lines.some((l) => l.text === pending.statement)).toBe(false);
    vault.close();
  });
});
