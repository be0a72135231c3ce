/**
 * The DICOMweb figure of `npm run bench:imaging`: a chart's INSTANCES instances
 * pulled from a real Orthanc on loopback (QIDO-RS search, WADO-RS retrieve as
 * multipart/related, the ordinary import into an encrypted vault), per
 * instance, against a baseline in the same run: the same instances fetched
 * as plain files from Orthanc's REST API (GET /instances/{id}/file) and
 * imported the same way. The ratio is what DICOMweb itself costs (the
 * searches, the multipart framing, the dedup and patient checks).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDicomBytes, loadChartPatients } from '../../electron/imaging';
import { connectPacs, pullFromPacs } from '../../electron/imaging/dicomweb';
import { Vault } from '../../electron/store/vault';
import { haveRealDicom, realDicom } from '../../test/fixtures/imaging/dicom-files';
import { addPatient } from '../../test/fixtures/imaging/patients';
import { orthancSkipReason, startOrthanc, type RunningOrthanc } from '../../test/helpers/orthanc';
import type { Figure } from '../report';

const INSTANCES = 20;
const ROUNDS = 5;
const FIGURE = 'DICOMweb pull time per instance from Orthanc on loopback';
/** The bench measures pulling, not unlocking: a cheap scrypt for its throwaway vaults. */
const SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;
const CHART = { id: 'p-covid', given: 'Test', family: 'Covid0000', birthDate: null, identifiers: ['Covid0000'] };

export async function measureDicomWebPull(): Promise<Figure[]> {
  const skip = orthancSkipReason() ?? (haveRealDicom() ? null : 'the real DICOM files are not in ../shared/data/dicom');
  if (skip) return [{ name: FIGURE, value: null, unit: `not measured: ${skip}` }];

  const work = mkdtempSync(join(tmpdir(), 'continuum-bench-dicomweb-'));
  const orthanc = await startOrthanc();
  try {
    // The NIH chest DX (1 MB, 1024 x 1024) and copies Orthanc makes of it: one study, one series.
    const bytes = realDicom('nih_chest_dx.dcm');
    const first = await orthanc.upload(bytes);
    const ids = [first, ...(await orthanc.copies(first, INSTANCES - 1, 2))];
    const pacs = connectPacs({ url: orthanc.dicomWebUrl, user: orthanc.user, password: orthanc.password });
    let vaults = 0;
    const freshVault = (): Vault => {
      const vault = Vault.create(join(work, `v${vaults++}.vault`), { clinician: { id: 'bench', displayName: 'Bench' }, passphrase: 'bench passphrase' }, { scrypt: SCRYPT });
      addPatient(vault, CHART);
      return vault;
    };

    const pull = async (): Promise<number> => {
      const vault = freshVault();
      try {
        const t0 = performance.now();
        const summary = await pullFromPacs(vault, pacs, { patientId: CHART.id });
        const ms = performance.now() - t0;
        const imported = summary.outcomes.filter((o) => o.status === 'imported').length;
        if (imported !== INSTANCES) throw new Error(`the pull imported ${imported} of ${INSTANCES}: ${summary.outcomes.find((o) => o.status !== 'imported')?.message}`);
        return ms / INSTANCES;
      } finally {
        vault.close();
      }
    };
    const baseline = async (): Promise<{ total: number; get: number; imported: number }> => {
      const vault = freshVault();
      try {
        const charts = loadChartPatients(vault.db);
        let get = 0;
        let imported = 0;
        for (const id of ids) {
          const t0 = performance.now();
          const file = new Uint8Array(await (await fetchFile(orthanc, id)).arrayBuffer());
          const t1 = performance.now();
          const outcome = importDicomBytes(vault, `${orthanc.url}/instances/${id}/file`, file, {}, charts);
          imported += performance.now() - t1;
          get += t1 - t0;
          if (outcome.status !== 'imported') throw new Error(`baseline import: ${outcome.message}`);
        }
        return { total: (get + imported) / INSTANCES, get: get / INSTANCES, imported: imported / INSTANCES };
      } finally {
        vault.close();
      }
    };

    // One untimed round of each warms Orthanc's storage cache and the JIT alike; then alternate which goes first.
    await pull();
    await baseline();
    const pulls: number[] = [];
    const bases: Array<{ total: number; get: number; imported: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        pulls.push(await pull());
        bases.push(await baseline());
      } else {
        bases.push(await baseline());
        pulls.push(await pull());
      }
    }
    const pullMs = median(pulls);
    // The baseline's parts from its median round, so that they add up to the figure above them.
    const base = [...bases].sort((a, b) => a.total - b.total)[Math.floor(bases.length / 2)]!;
    const baseMs = base.total;
    return [
      { name: `${FIGURE} (${INSTANCES} x 1 MB DX, QIDO-RS + WADO-RS + import into the vault, median of ${ROUNDS} pulls)`, value: round2(pullMs), unit: 'ms' },
      { name: 'baseline: GET /instances/{id}/file from the same Orthanc + the same import, per instance', value: round2(baseMs), unit: 'ms' },
      { name: 'baseline, of which the GET', value: round2(base.get), unit: 'ms' },
      { name: 'baseline, of which the import into the encrypted vault', value: round2(base.imported), unit: 'ms' },
      { name: 'DICOMweb pull / baseline', value: round2(pullMs / baseMs), unit: 'x', goal: '<= 1.5' },
    ];
  } finally {
    await orthanc.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function fetchFile(orthanc: RunningOrthanc, id: string): Promise<Response> {
  return orthanc.get(`/instances/${id}/file`).then((answer) => {
    if (!answer.ok) throw new Error(`GET /instances/${id}/file: HTTP ${answer.status}`);
    return answer;
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
