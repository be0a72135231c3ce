import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName, Params, Result } from '../../../electron/api/contract';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { importDicomBytes } from '../../../electron/imaging';
import { analyzeImage, releaseImageModels } from '../../../electron/imaging/image-model';
import { generateImageClassifier } from '../../../scripts/models/image-classifier';
import { runCli } from '../../helpers/cli';
import { createTestVault, tempDir } from '../../helpers/temp-vault';
import { DERM_DIR, haveRealDicom, realDicom } from '../../fixtures/imaging/dicom-files';
import { addPatient } from '../../fixtures/imaging/patients';

/**
 * The generated test image models on the real DICOM files (../shared/data),
 * through the contract's dispatch as the app calls it: the result is
 * deterministic, its probabilities sum to 1, it differs between images, it
 * is labelled decision support, and nothing is written to the record. Every
 * refusal (no model, wrong modality or body part, altered file) is one line.
 */
const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };
let dir: string;
let models: string;
let core: CoreClient;
const instances: Record<string, string> = {};
const saved = process.env['CONTINUUM_MODELS'];

async function call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
  const answer = await core.invoke(method, params);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value as Result<M>;
}

async function failure(method: MethodName, params: unknown): Promise<{ code: string; message: string }> {
  const answer = await core.invoke(method, params);
  if (answer.ok) throw new Error(`${method} should have failed`);
  return answer.error;
}

describe.skipIf(!haveRealDicom())('image models as decision support, on real DICOM', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-image-analyze-'));
    models = join(dir, 'models');
    await generateImageClassifier({ preset: 'chest-xray', seed: 1, out: join(models, 'test-xray') });
    await generateImageClassifier({ preset: 'dermoscopy', seed: 1, out: join(models, 'test-derm') });
    process.env['CONTINUUM_MODELS'] = models;
    core = createInProcessCore({ vaultFile: join(dir, 'clinic.vault'), scrypt: TEST_SCRYPT });
    await call('vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada', passphrase: 'a long clinic passphrase 2024' });
    await call('import.fhirBundle', { fileName: 'ngozi.json', content: readFileSync(join(__dirname, '../../fixtures/fhir/ngozi-adebayo.json'), 'utf8') });
    const patientId = (await call('patients.list', {})).patients[0]!.id;
    for (const name of ['nih_chest_dx.dcm', 'RG1_J2KI.dcm', 'RG3_J2KR.dcm', 'MR2_J2KR.dcm']) {
      const outcome = await call('imaging.import', { fileName: name, bytes: Buffer.from(realDicom(name)), patientId, override: true });
      instances[name] = outcome.instanceId!;
    }
  });

  afterAll(async () => {
    await core?.close();
    await releaseImageModels();
    if (saved === undefined) delete process.env['CONTINUUM_MODELS'];
    else process.env['CONTINUUM_MODELS'] = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('classifies the NIH chest DX: labelled decision support from a test model, probabilities summing to 1, the same twice', async () => {
    const first = await call('imaging.analyze', { image: { instanceId: instances['nih_chest_dx.dcm']! } });
    expect(first.label).toBe('Decision support — not a diagnosis; test model');
    expect(first.model).toMatchObject({ id: 'test-xray', version: '0.1.0-seed1', testModel: true, modality: 'chest X-ray' });
    expect(first.model.licence).toMatch(/^CC0-1\.0/);
    expect(first.model.intendedUse).toMatch(/Not for clinical use/);
    expect(first.image).toMatchObject({ instanceId: instances['nih_chest_dx.dcm'], photoId: null, frame: 0, width: 1024, height: 1024 });
    expect(first.image.description).toBe('DX, frame 1 of 1, 1024 x 1024, windowed 126.5/253 (full range), resized to 64 x 64 (whole image)');
    expect(first.predictions.map((p) => p.id).sort()).toEqual(['test-a', 'test-b', 'test-c', 'test-d']);
    expect(first.predictions.reduce((sum, p) => sum + p.probability, 0)).toBeCloseTo(1, 5);
    for (let i = 1; i < first.predictions.length; i++) expect(first.predictions[i - 1]!.probability).toBeGreaterThanOrEqual(first.predictions[i]!.probability);
    expect(first.timing.loadMs).toBeGreaterThan(0);

    const again = await call('imaging.analyze', { image: { instanceId: instances['nih_chest_dx.dcm']! }, modelId: 'test-xray' });
    expect(again.predictions).toEqual(first.predictions);
    expect(again.timing.loadMs).toBeNull(); // the loaded session was reused
  });

  it('answers differently for a different image (the CR chest, MONOCHROME1 with its own window)', async () => {
    const dx = await call('imaging.analyze', { image: { instanceId: instances['nih_chest_dx.dcm']! } });
    const cr = await call('imaging.analyze', { image: { instanceId: instances['RG1_J2KI.dcm']! } });
    expect(cr.image.description).toBe('CR CHEST, frame 1 of 1, 1841 x 1955, windowed 15000/30000 (the file\'s window), resized to 64 x 64 (whole image)');
    const byId = (a: typeof dx) => Object.fromEntries(a.predictions.map((p) => [p.id, p.probability]));
    const difference = Math.max(...Object.entries(byId(dx)).map(([id, p]) => Math.abs(p - byId(cr)[id]!)));
    expect(difference).toBeGreaterThan(0.01);
  });

  it('refuses an image of another modality or body part, in one line, and the app goes on', async () => {
    const mr = await failure('imaging.analyze', { image: { instanceId: instances['MR2_J2KR.dcm']! }, modelId: 'test-xray' });
    expect(mr).toEqual({ code: 'invalid-input', message: 'image model test-xray was not applied: the image is MR; the model is made for chest X-ray (CR, DX)' });
    const hand = await failure('imaging.analyze', { image: { instanceId: instances['RG3_J2KR.dcm']! } });
    expect(hand).toEqual({ code: 'not-found', message: 'none of the installed image models (test-derm, test-xray) is made for CR EXTREMITY images' });
    const handExplicit = await failure('imaging.analyze', { image: { instanceId: instances['RG3_J2KR.dcm']! }, modelId: 'test-xray' });
    expect(handExplicit.message).toBe('image model test-xray was not applied: the image is of EXTREMITY; the model is made for chest X-ray (CHEST)');
    const derm = await failure('imaging.analyze', { image: { instanceId: instances['nih_chest_dx.dcm']! }, modelId: 'test-derm' });
    expect(derm.message).toBe('image model test-derm was not applied: the image is DX; the model is made for dermoscopy photo (XC, photos)');
    expect((await call('imaging.studies', { patientId: (await call('patients.list', {})).patients[0]!.id })).studies.length).toBeGreaterThan(0);
  });

  it('refuses unknown images and models, and ids that are paths', async () => {
    expect(await failure('imaging.analyze', { image: { instanceId: 'nope' } })).toEqual({ code: 'not-found', message: 'image nope is not in the vault' });
    expect((await failure('imaging.analyze', { image: { instanceId: instances['nih_chest_dx.dcm']! }, modelId: 'absent' })).message).toBe(
      `no image model "absent" is installed in ${models}`,
    );
    expect(await failure('imaging.analyze', { image: { instanceId: 'x' }, modelId: '../test-xray' })).toMatchObject({ code: 'invalid-request' });
  });

  it('refuses an altered model file by its SHA-256; the other models still work', async () => {
    cpSync(join(models, 'test-xray'), join(models, 'tampered'), { recursive: true });
    const onnx = join(models, 'tampered', 'model.onnx');
    const bytes = readFileSync(onnx);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x55;
    writeFileSync(onnx, bytes);
    const error = await failure('imaging.analyze', { image: { instanceId: instances['nih_chest_dx.dcm']! }, modelId: 'tampered' });
    expect(error).toEqual({ code: 'invalid-input', message: 'image model tampered: model.onnx does not match its SHA-256 in the manifest: the file was altered or damaged; copy the model again' });
    expect((await call('imaging.analyze', { image: { instanceId: instances['nih_chest_dx.dcm']! }, modelId: 'test-xray' })).predictions).toHaveLength(4);
    rmSync(join(models, 'tampered'), { recursive: true });
  });

  it('lists image models with their kind, beside language models, in imaging.models and models.list', async () => {
    const listed = await call('imaging.models', {});
    expect(listed.models.map((m) => (m.ok ? `${m.id}: ${m.model.modality}` : m.id))).toEqual(['test-derm: dermoscopy photo', 'test-xray: chest X-ray']);
    const all = await call('models.list', {});
    expect(all.models.filter((m) => m.kind === 'image-classifier').map((m) => m.folder)).toEqual(['test-derm', 'test-xray']);
    expect(all.models.every((m) => m.kind === 'image-classifier' || m.kind === 'language-model')).toBe(true);
  });

  it('says in one line that no image model is installed, and the rest of imaging is unchanged', async () => {
    const empty = join(dir, 'no-models');
    mkdirSync(empty);
    process.env['CONTINUUM_MODELS'] = empty;
    try {
      expect(await failure('imaging.analyze', { image: { instanceId: instances['nih_chest_dx.dcm']! } })).toEqual({
        code: 'not-found',
        message: `no image model is installed in ${empty}: models/README.md says how to add one`,
      });
      expect((await call('imaging.models', {})).models).toEqual([]);
      expect((await call('imaging.frame', { instanceId: instances['nih_chest_dx.dcm']! })).rows).toBe(1024);
    } finally {
      process.env['CONTINUUM_MODELS'] = models;
    }
  });
});

describe.skipIf(!haveRealDicom())('a dermoscopy photo, and nothing written to the record', () => {
  it('classifies a stored photo with the dermoscopy test model; every clinical table is unchanged, only the audit log grows', async () => {
    const modelsDir = join(tempDir(), 'models');
    await generateImageClassifier({ preset: 'dermoscopy', seed: 2, out: join(modelsDir, 'derm') });
    const vault = createTestVault();
    try {
      addPatient(vault, { id: 'p1', given: 'Ann', family: 'Lee', birthDate: '1960-02-03' });
      const photo = readFileSync(join(DERM_DIR, 'ISIC_0024311.jpg'));
      const source = Number(vault.db.prepare(`INSERT INTO sources (kind, label, clinician_id, created_at) VALUES ('system', 'photo test', 'dr.ada', ?)`).run(new Date().toISOString()).lastInsertRowid);
      vault.db
        .prepare(`INSERT INTO images (id, patient_id, kind, media_type, content, source_id, recorded_at) VALUES ('photo-1', 'p1', 'photo', 'image/jpeg', ?, ?, ?)`)
        .run(photo, source, new Date().toISOString());
      const dx = importDicomBytes(vault, 'nih_chest_dx.dcm', realDicom('nih_chest_dx.dcm'), { patientId: 'p1', override: true });

      const counts = () => {
        const tables = (vault.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name);
        return Object.fromEntries(tables.map((t) => [t, (vault.db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
      };
      const before = counts();
      const a = await analyzeImage(vault, { image: { photoId: 'photo-1' } }, modelsDir);
      const b = await analyzeImage(vault, { image: { photoId: 'photo-1' } }, modelsDir);
      expect(a.label).toBe('Decision support — not a diagnosis; test model');
      expect(a.image).toMatchObject({ photoId: 'photo-1', instanceId: null, frame: null, width: 600, height: 450 });
      expect(a.image.description).toBe('photo, 600 x 450, resized to 64 x 64 (whole image)');
      expect(a.predictions).toHaveLength(7);
      expect(a.predictions.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 5);
      expect(b.predictions).toEqual(a.predictions);
      await expect(analyzeImage(vault, { image: { instanceId: dx.instanceId! } }, modelsDir)).rejects.toThrow('none of the installed image models (derm) is made for DX images');
      await expect(analyzeImage(vault, { image: { photoId: dx.instanceId! } }, modelsDir)).rejects.toThrow(`photo ${dx.instanceId} is not in the vault`);

      const after = counts();
      const grew = Object.keys(after).filter((t) => after[t] !== before[t]);
      expect(grew).toEqual(['audit_log']);
      expect(after['audit_log']! - before['audit_log']!).toBe(2); // one audited view per analysis
    } finally {
      vault.close();
      await releaseImageModels();
    }
  });

  it('refuses a stored photo that is not a readable image, in one line', async () => {
    const modelsDir = join(tempDir(), 'models');
    await generateImageClassifier({ preset: 'dermoscopy', seed: 2, out: join(modelsDir, 'derm') });
    const vault = createTestVault();
    try {
      addPatient(vault, { id: 'p1', given: 'Ann', family: 'Lee', birthDate: '1960-02-03' });
      const source = Number(vault.db.prepare(`INSERT INTO sources (kind, label, clinician_id, created_at) VALUES ('system', 'photo test', 'dr.ada', ?)`).run(new Date().toISOString()).lastInsertRowid);
      const insert = vault.db.prepare(`INSERT INTO images (id, patient_id, kind, media_type, content, source_id, recorded_at) VALUES (?, 'p1', 'photo', ?, ?, ?, ?)`);
      insert.run('broken', 'image/png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really')]), source, new Date().toISOString());
      insert.run('pdf', 'application/pdf', Buffer.from('%PDF-1.4'), source, new Date().toISOString());
      await expect(analyzeImage(vault, { image: { photoId: 'broken' } }, modelsDir)).rejects.toThrow('photo broken: not a readable image');
      await expect(analyzeImage(vault, { image: { photoId: 'pdf' } }, modelsDir)).rejects.toThrow('image pdf is of type application/pdf, not a JPEG or PNG photo');
    } finally {
      vault.close();
      await releaseImageModels();
    }
  });
});

describe.skipIf(!haveRealDicom())('continuum imaging analyze', () => {
  it('prints the labelled result, or JSON; refuses wrong usage with exit code 2', async () => {
    const folder = tempDir();
    const modelsDir = join(folder, 'models');
    await generateImageClassifier({ preset: 'chest-xray', seed: 1, out: join(modelsDir, 'xray') });
    const file = join(folder, 'clinic.vault');
    const vault = createTestVault(file);
    addPatient(vault, { id: 'p1', given: 'Ann', family: 'Lee', birthDate: '1960-02-03' });
    const id = importDicomBytes(vault, 'nih_chest_dx.dcm', realDicom('nih_chest_dx.dcm'), { patientId: 'p1', override: true }).instanceId!;
    vault.close();

    const text = await runCli(['imaging', 'analyze', '--vault', file, '--instance', id, '--models', modelsDir]);
    expect(text.err).toBe('');
    expect(text.code).toBe(0);
    const lines = text.out.split('\n');
    expect(lines[0]).toBe('Decision support — not a diagnosis; test model');
    expect(lines[1]).toMatch(/^Model: Continuum test image classifier \(chest-xray\), version 0\.1\.0-seed1 \(xray\); licence CC0-1\.0/);
    expect(lines.filter((l) => /^ {2}Test class [A-D] +[ \d.]+ %/.test(l))).toHaveLength(4);
    expect(text.out).toContain("Nothing was written to the patient's record.");

    const json = await runCli(['imaging', 'analyze', '--vault', file, '--instance', id, '--models', modelsDir, '--model', 'xray', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { predictions: { probability: number }[]; model: { id: string } };
    expect(parsed.model.id).toBe('xray');
    expect(parsed.predictions.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 5);

    const usage = await runCli(['imaging', 'analyze', '--vault', file, '--models', modelsDir]);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/^continuum imaging analyze: give --instance ID or --photo ID \(one of them\)\n/);
    const none = await runCli(['imaging', 'analyze', '--vault', file, '--instance', id, '--models', join(folder, 'empty')]);
    expect(none).toMatchObject({ code: 1, err: `continuum: no image model is installed in ${join(folder, 'empty')}: models/README.md says how to add one\n` });
    const list = await runCli(['imaging', 'models', '--models', modelsDir]);
    expect(list.out).toMatch(/^xray {2}Continuum test image classifier \(chest-xray\) 0\.1\.0-seed1 \(test model\) {2}for chest X-ray {2}4 labels/);
  });
});
