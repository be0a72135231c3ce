import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { lesionChange } from '../../../electron/api/imaging-schemas';
import { decodeFrame } from '../../../electron/imaging/decode';
import { calibratePhoto, importPhotoBytes, lesionHistory, setOutline } from '../../../electron/imaging/photos';
import { Vault } from '../../../electron/store/vault';
import { runCli } from '../../helpers/cli';
import { PASSPHRASE, TEST_OPTIONS, tempDir } from '../../helpers/temp-vault';
import { addPatient } from '../../fixtures/imaging/patients';

/**
 * The real dermatoscopic photos in ../shared/data/derm (HAM10000, CC BY-NC,
 * read from there, never copied): imported through the CLI, calibrated on
 * the ruler ISIC_0025400 shows (0 at x≈131, 10 mm at x≈427 on y≈292, read
 * by eye: see the folder's README), exported as DICOM and read back.
 */
const DERM = join(__dirname, '../../../../shared/data/derm');
const RULER_PHOTO = join(DERM, 'ISIC_0025400.jpg');
const have = existsSync(RULER_PHOTO);

describe.skipIf(!have)('real dermatoscopic photos', () => {
  it('imports through the CLI, exports a lesion series, and the exported JPEG decodes to the photo it came from', async () => {
    const dir = tempDir();
    const vaultFile = join(dir, 'clinic.vault');
    expect((await runCli(['vault', 'init', '--vault', vaultFile, '--user', 'dr.ada', '--name', 'Dr Ada'])).code).toBe(0);
    const setup = Vault.open(vaultFile, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    addPatient(setup, { id: 'pat-derm', given: 'Ana', family: 'Silva', birthDate: '1961-09-12', identifiers: ['MRN-9'] });
    setup.close();

    const lesion = await runCli(['photos', 'lesion', '--vault', vaultFile, '--patient', 'pat-derm', '--name', 'Pigmented lesion', '--site', 'right upper arm', '--json']);
    expect(lesion.code, lesion.err).toBe(0);
    const lesionId = (JSON.parse(lesion.out) as Array<{ id: string }>)[0]!.id;
    const files = ['ISIC_0025400.jpg', 'ISIC_0024338.jpg'].map((f) => join(DERM, f));
    const imported = await runCli(['photos', 'import', '--vault', vaultFile, '--patient', 'pat-derm', '--site', 'right upper arm', '--date', '2024-03-01', '--lesion', lesionId, ...files]);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/ISIC_0025400\.jpg: photo of right upper arm, 600 x 450, taken 2024-03-01 \(as given\)/);
    expect(imported.out).toMatch(/2 imported, 0 already there, 0 rejected/);

    const notPhoto = await runCli(['photos', 'import', '--vault', vaultFile, '--patient', 'pat-derm', '--site', 'back', '--date', '2024-03-01', join(DERM, 'README.md')]);
    expect(notPhoto.code).toBe(1);
    expect(notPhoto.out).toContain('README.md: not a JPEG or PNG photo');
    expect(notPhoto.err).toBe('continuum: nothing imported: 1 file(s) rejected (see above)\n');

    const out = join(dir, 'pacs');
    const exported = await runCli(['photos', 'export-dicom', '--vault', vaultFile, '--patient', 'pat-derm', '--lesion', lesionId, '--to', out]);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toMatch(/2 file\(s\): lesion "Pigmented lesion" \(right upper arm\) as one series/);
    const wrongChart = await runCli(['photos', 'export-dicom', '--vault', vaultFile, '--patient', 'someone-else', '--lesion', lesionId, '--to', out]);
    expect(wrongChart.err).toMatch(/is not in patient someone-else's chart/);

    const bytes = new Uint8Array(readFileSync(join(out, 'IMG0001.dcm')));
    const ds = dicomParser.parseDicom(bytes);
    expect(ds.string('x00020010')).toBe('1.2.840.10008.1.2.4.50');
    expect(ds.string('x00080016')).toBe('1.2.840.10008.5.1.4.1.1.77.1.4');
    expect(ds.string('x00200060')).toBe('R');
    // The project's own decoder (the viewer's path) against the photo decoded directly: the same picture.
    const frame = await decodeFrame(bytes, 0);
    expect([frame.columns, frame.rows, frame.samplesPerPixel]).toEqual([600, 450, 3]);
    const image = await loadImage(readFileSync(RULER_PHOTO));
    const canvas = createCanvas(600, 450);
    canvas.getContext('2d').drawImage(image, 0, 0);
    const rgba = canvas.getContext('2d').getImageData(0, 0, 600, 450).data;
    let diff = 0;
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) diff += Math.abs(rgba[i]! - frame.pixels[j]!) + Math.abs(rgba[i + 1]! - frame.pixels[j + 1]!) + Math.abs(rgba[i + 2]! - frame.pixels[j + 2]!);
    expect(diff / (600 * 450 * 3)).toBeLessThan(3); // decoders differ by rounding only
  });

  it('calibrates on the ruler; a copy photographed at 0.75 scale measures the same lesion as unchanged', async () => {
    const dir = tempDir();
    const vault = Vault.create(join(dir, 'clinic.vault'), { clinician: { id: 'dr.ada', displayName: 'Dr Ada' }, passphrase: PASSPHRASE }, TEST_OPTIONS);
    addPatient(vault, { id: 'p', given: 'Ana', family: 'Silva', birthDate: null });
    const { createLesion } = await import('../../../electron/imaging/photos');
    const lesion = createLesion(vault, { patientId: 'p', name: 'Pigmented lesion', bodySite: 'back' });
    const original = readFileSync(RULER_PHOTO);
    // The follow-up pair is derived (the data set has no second photo of a lesion): the same photo scaled by 0.75.
    const image = await loadImage(original);
    const small = createCanvas(450, 338);
    small.getContext('2d').drawImage(image, 0, 0, 450, 338);
    const a = (await importPhotoBytes(vault, { patientId: 'p', fileName: 'first.jpg', bytes: original, bodySite: 'back', takenAt: '2023-01-05', lesionId: lesion.id })).photo!;
    const b = (await importPhotoBytes(vault, { patientId: 'p', fileName: 'later.jpg', bytes: small.toBuffer('image/jpeg', 92), bodySite: 'back', takenAt: '2023-07-05', lesionId: lesion.id })).photo!;
    const calibrated = calibratePhoto(vault, a.id, { x: 131, y: 292 }, { x: 427, y: 292 }, 10);
    expect(1 / calibrated.calibration!.mmPerPixel).toBeGreaterThan(29.6 * 0.97);
    expect(1 / calibrated.calibration!.mmPerPixel).toBeLessThan(29.6 * 1.03);
    calibratePhoto(vault, b.id, { x: 131 * 0.75, y: 292 * 0.75 }, { x: 427 * 0.75, y: 292 * 0.75 }, 10);
    // The same outline drawn on both (a polygon around the lesion's dark centre, in each photo's pixels).
    const outline = [
      [250, 120],
      [330, 110],
      [380, 160],
      [370, 230],
      [300, 260],
      [240, 220],
      [225, 165],
    ].map(([x, y]) => ({ x: x!, y: y! }));
    setOutline(vault, a.id, lesion.id, outline);
    setOutline(vault, b.id, lesion.id, outline.map((p) => ({ x: p.x * 0.75, y: p.y * 0.75 })));
    const [p1, p2] = lesionHistory(vault.db, lesion.id).points;
    const change = lesionChange({ date: p1!.takenAt, diameterMm: p1!.diameterMm!, areaMm2: p1!.areaMm2 }, { date: p2!.takenAt, diameterMm: p2!.diameterMm!, areaMm2: p2!.areaMm2 });
    expect(p1!.diameterMm).toBeCloseTo(p2!.diameterMm!, 6);
    expect(change.text).toContain('unchanged');
    vault.close();
  });
});
