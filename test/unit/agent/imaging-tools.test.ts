import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyClaim } from '../../../electron/agent/grounding/verifier';
import { defaultWorkflows } from '../../../electron/agent/harness';
import { defaultToolRegistry, ProposalStore, type ToolContext } from '../../../electron/agent/tools';
import { decideFinding, proposeFinding } from '../../../electron/imaging/findings';
import { importDicomBytes } from '../../../electron/imaging/import-dicom';
import { calibratePhoto, createLesion, importPhotoBytes, setOutline } from '../../../electron/imaging/photos';
import type { Vault } from '../../../electron/store/vault';
import { haveRealDicom, realDicom } from '../../fixtures/imaging/dicom-files';
import { addPatient } from '../../fixtures/imaging/patients';
import { createTestVault } from '../../helpers/temp-vault';
import { ellipseOutline, syntheticPhoto } from '../derm/synthetic-photo';

/**
 * The perception agent's image tools, on a chart built the way a clinician
 * would: a lesion photographed three times (calibrated 6.0 mm, calibrated
 * 7.5 mm, then once without calibration), both calibrated outlines
 * confirmed as findings, and a length measured and confirmed on a real
 * chest X-ray. A second patient's lesion and finding must stay out of
 * sight.
 */
const PATIENT = 'pat-img';
const OTHER = 'pat-other';
const registry = defaultToolRegistry();

interface Chart {
  lesionId: string;
  photos: string[];
  facts: string[];
  xrayFact: string | null;
  otherLesion: string;
}

let vault: Vault;
let context: ToolContext;
let chart: Chart;

async function lesionPhoto(patientId: string, lesionId: string, date: string, pxPerMm: number, mm: [number, number], calibrate: boolean, confirm: boolean) {
  const picture = syntheticPhoto({ pxPerMm, lesionMm: mm });
  const photo = (await importPhotoBytes(vault, { patientId, fileName: `${date}.jpg`, bytes: picture.bytes, bodySite: 'left forearm', takenAt: date, lesionId })).photo!;
  if (calibrate) calibratePhoto(vault, photo.id, picture.ruler.from, picture.ruler.to, picture.ruler.mm);
  const outline = ellipseOutline(picture.lesion);
  setOutline(vault, photo.id, lesionId, outline);
  let factId: string | null = null;
  if (confirm) factId = decideFinding(vault, proposeFinding(vault, { kind: 'photo', photoId: photo.id, lesionId }, { kind: 'lesion', points: outline }).id, 'confirm').factId;
  return { photoId: photo.id, factId };
}

beforeEach(async () => {
  vault = createTestVault();
  addPatient(vault, { id: PATIENT, given: 'Ana', family: 'Ruiz', birthDate: '1961-04-02' });
  addPatient(vault, { id: OTHER, given: 'Ben', family: 'Ode', birthDate: '1950-01-01' });
  const lesion = createLesion(vault, { patientId: PATIENT, name: 'Naevus A', bodySite: 'left forearm' });
  const first = await lesionPhoto(PATIENT, lesion.id, '2024-01-10', 20, [6, 4], true, true);
  const second = await lesionPhoto(PATIENT, lesion.id, '2024-07-10', 25, [7.5, 5], true, true);
  const third = await lesionPhoto(PATIENT, lesion.id, '2025-01-12', 22, [8, 5], false, false);
  let xrayFact: string | null = null;
  if (haveRealDicom()) {
    const imported = importDicomBytes(vault, 'nih_chest_dx.dcm', realDicom('nih_chest_dx.dcm'), { patientId: PATIENT, override: true });
    expect(imported.status, imported.message).toBe('imported');
    const finding = proposeFinding(vault, { kind: 'dicom', instanceId: imported.instanceId! }, { kind: 'length', points: [{ x: 100, y: 100 }, { x: 400, y: 100 }] });
    xrayFact = decideFinding(vault, finding.id, 'confirm').factId;
  }
  const otherLesion = createLesion(vault, { patientId: OTHER, name: 'Other naevus', bodySite: 'back' });
  await lesionPhoto(OTHER, otherLesion.id, '2024-03-03', 20, [5, 5], true, true);
  chart = { lesionId: lesion.id, photos: [first.photoId, second.photoId, third.photoId], facts: [first.factId!, second.factId!], xrayFact, otherLesion: otherLesion.id };
  context = { vault, patientId: PATIENT, sessionId: 'session-img', now: vault.now(), proposals: new ProposalStore() };
});
afterEach(() => vault.close());

function output<T>(role: Parameters<typeof registry.call>[0], tool: string, args: unknown): T {
  const result = registry.call(role, tool, args, context);
  if (!result.ok) throw new Error(result.message);
  return result.output as T;
}

describe('imaging.list_images', () => {
  it("lists the patient's photos and studies with dates and body sites, newest first, and the lesions followed", () => {
    const listed = output<{
      photos: Array<{ id: string; date: string; bodySite: string; lesion: { name: string } | null; calibrated: boolean; confirmedFindings: number }>;
      studies: Array<{ id: string; date: string | null; modality: string | null; bodyParts: string[]; images: unknown[]; confirmedFindings: number; citation: unknown }>;
      lesions: Array<{ id: string; name: string; measurements: number }>;
    }>('perception', 'imaging.list_images', {});
    expect(listed.photos.map((p) => [p.date, p.bodySite, p.lesion?.name, p.calibrated, p.confirmedFindings])).toEqual([
      ['2025-01-12', 'left forearm', 'Naevus A', false, 0],
      ['2024-07-10', 'left forearm', 'Naevus A', true, 1],
      ['2024-01-10', 'left forearm', 'Naevus A', true, 1],
    ]);
    expect(listed.lesions).toEqual([{ id: chart.lesionId, name: 'Naevus A', bodySite: 'left forearm', measurements: 3 }]);
    if (chart.xrayFact) {
      expect(listed.studies).toHaveLength(1);
      expect(listed.studies[0]).toMatchObject({ modality: 'DX', images: [expect.objectContaining({ frames: 1 })], confirmedFindings: 1, citation: { kind: 'record', record: 'imaging-study' } });
      // This public chest film names no body part, view or study date: the tool says so rather than guess.
      expect(listed.studies[0]).toMatchObject({ date: null, description: 'No Finding', bodyParts: [], views: [], images: [expect.objectContaining({ spacing: 'missing' })] });
    }
    const since = output<{ photos: Array<{ date: string }>; studies: unknown[] }>('perception', 'imaging.list_images', { since: '2024-06-01' });
    expect(since.photos.map((p) => p.date)).toEqual(['2025-01-12', '2024-07-10']);
    // An undated study cannot be said to be since a date.
    expect(since.studies).toEqual([]);
  });
});

describe('imaging.lesion_history', () => {
  it('gives dates, longest diameter, area and the change, with the fact to cite; an uncalibrated photo is not compared', () => {
    const history = output<{
      lesion: { name: string };
      measurements: Array<{ date: string; diameterMm: number | null; areaMm2: number | null; finding: { factId: string; statement: string } | null }>;
      changes: Array<{ comparable: boolean; diameterMm: number | null; diameterPct: number | null; text: string }>;
      overall: { diameterMm: number | null } | null;
    }>('perception', 'imaging.lesion_history', { lesionId: chart.lesionId });
    expect(history.lesion.name).toBe('Naevus A');
    expect(history.measurements.map((m) => [m.date, m.diameterMm, m.finding?.factId ?? null])).toEqual([
      ['2024-01-10', 6, chart.facts[0]],
      ['2024-07-10', 7.5, chart.facts[1]],
      ['2025-01-12', null, null],
    ]);
    expect(history.measurements[0]!.areaMm2).toBeCloseTo(18.8, 0);
    expect(history.measurements[0]!.finding!.statement).toMatch(/^Lesion "Naevus A": longest diameter 6\.0 mm, area 18\.\d mm² on photo of left forearm of 2024-01-10/);
    expect(history.changes[0]).toMatchObject({ comparable: true, diameterMm: 1.5, diameterPct: 25 });
    expect(history.changes[0]!.text).toMatch(/^Longest diameter 6\.0 mm on 2024-01-10 → 7\.5 mm on 2024-07-10 \(\+1\.5 mm, \+25 %, larger\)/);
    expect(history.changes[1]).toMatchObject({ comparable: false, diameterMm: null, text: expect.stringMatching(/not comparable: the photo of 2025-01-12 is not calibrated/) });
    expect(history.overall).toMatchObject({ diameterMm: 1.5 });
  });

  it("answers another patient's lesion as not found", () => {
    expect(output('perception', 'imaging.lesion_history', { lesionId: chart.otherLesion })).toEqual({ lesion: null, measurements: [], changes: [], overall: null });
    expect(output('perception', 'imaging.lesion_history', { lesionId: 'lesion-unknown' })).toMatchObject({ lesion: null });
  });
});

describe('imaging.findings', () => {
  it('lists confirmed findings with the fact to cite and where on the image, never another patient\'s', () => {
    const { findings } = output<{ findings: Array<{ factId: string; imageDate: string; kind: string; image: { kind: string }; sourceRef: string; citation: unknown; measures: { diameterMm: number | null; lengthMm: number | null } }> }>(
      'perception',
      'imaging.findings',
      {},
    );
    const lesionFindings = findings.filter((f) => f.kind === 'lesion');
    expect(lesionFindings.map((f) => [f.imageDate, f.measures.diameterMm !== null])).toEqual([
      ['2024-07-10', true],
      ['2024-01-10', true],
    ]);
    for (const f of lesionFindings) {
      expect(f.sourceRef).toMatch(new RegExp(`^image:photo/[^#]+#frame=0&lesion=.*&lesion=${chart.lesionId}$`));
      expect(f.citation).toEqual({ kind: 'record', record: 'fact', id: f.factId });
    }
    if (chart.xrayFact) {
      const xray = findings.find((f) => f.factId === chart.xrayFact)!;
      expect(xray).toMatchObject({ kind: 'length', image: { kind: 'dicom' } });
      expect(xray.sourceRef).toMatch(/^image:dicom\/[^#]+#frame=0&length=100,100;400,100$/);
    }
    expect(findings).toHaveLength(chart.xrayFact ? 3 : 2);
    const one = output<{ findings: unknown[]; truncated: boolean }>('memory', 'imaging.findings', { lesionId: chart.lesionId, limit: 1 });
    expect(one).toMatchObject({ findings: [expect.objectContaining({ imageDate: '2024-07-10' })], truncated: true });
  });

  it('lets the grounding verifier check a claim of growth against the cited facts', () => {
    const { findings } = output<{ findings: Array<{ citation: { kind: 'record'; record: 'fact'; id: string }; kind: string }> }>('perception', 'imaging.findings', { lesionId: chart.lesionId });
    const citations = findings.map((f) => f.citation);
    const right = verifyClaim(vault.db, PATIENT, { text: 'Lesion "Naevus A": longest diameter 6.0 mm on 2024-01-10, 7.5 mm on 2024-07-10.', citations });
    expect(right.problems).toEqual([]);
    expect(right.verdict).toBe('supported');
    const wrong = verifyClaim(vault.db, PATIENT, { text: 'Lesion "Naevus A": longest diameter 6.0 mm on 2024-01-10, 8.5 mm on 2024-07-10.', citations });
    expect(wrong.verdict).toBe('unsupported');
    expect(wrong.problems.map((p) => p.message)).toEqual(['8.5 mm: no such value in the cited source']);
    // Citing only the earlier fact cannot support the later size.
    const half = verifyClaim(vault.db, PATIENT, { text: 'Lesion "Naevus A": longest diameter 7.5 mm on 2024-07-10.', citations: [citations[1]!] });
    expect(half.verdict).toBe('unsupported');
  });
});

describe('roles and workflows', () => {
  it('are read tools for perception, memory and the orchestrator (and safety for findings and change); never for evidence', () => {
    for (const tool of ['imaging.list_images', 'imaging.lesion_history', 'imaging.findings']) {
      expect(registry.get(tool).sideEffect).toBe('read');
      expect(registry.call('evidence', tool, tool === 'imaging.lesion_history' ? { lesionId: chart.lesionId } : {}, context)).toMatchObject({ ok: false, reason: 'not-allowed' });
    }
    expect(registry.call('safety', 'imaging.findings', {}, context).ok).toBe(true);
    expect(registry.call('safety', 'imaging.list_images', {}, context)).toMatchObject({ reason: 'not-allowed' });
    // The patient is the session's: an argument naming another is refused, not obeyed.
    expect(registry.call('perception', 'imaging.findings', { patientId: OTHER }, context)).toMatchObject({ ok: false, reason: 'invalid-arguments' });
    expect(registry.call('perception', 'imaging.lesion_history', {}, context)).toMatchObject({ ok: false, reason: 'invalid-arguments', message: expect.stringMatching(/^imaging\.lesion_history: lesionId: /) });
    const described = registry.describeFor('perception').map((t) => t.id);
    expect(described).toEqual(expect.arrayContaining(['imaging.list_images', 'imaging.lesion_history', 'imaging.findings']));
    expect((registry.describeFor('perception').find((t) => t.id === 'imaging.findings')!.input as { properties: Record<string, unknown> }).properties).toHaveProperty('lesionId');
  });

  it('are declared by the imaging-review and follow-up workflows, callable by one of their agents', () => {
    const workflows = defaultWorkflows(registry);
    const review = workflows.get('imaging-review');
    expect(review.tools).toEqual(expect.arrayContaining(['imaging.list_images', 'imaging.lesion_history', 'imaging.findings']));
    expect(workflows.get('follow-up').tools).toEqual(expect.arrayContaining(['imaging.findings', 'imaging.lesion_history']));
    for (const workflow of [review, workflows.get('follow-up')]) {
      for (const tool of workflow.tools.filter((t) => t.startsWith('imaging.'))) {
        expect(workflow.agents.some((agent) => registry.get(tool).roles.includes(agent)), `${workflow.id}: ${tool}`).toBe(true);
      }
    }
    expect(review.agents).toContain('perception');
  });
});
