import { createHash, randomUUID } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import dicomParser from 'dicom-parser';
import type { DicomImportOutcome } from '../api/imaging-schemas';
import type { Vault } from '../store/vault';
import { MAX_FILE_BYTES, readDicomHeader, type DicomHeader } from './dicom-header';
import { ImagingError } from './imaging-error';
import { asPart10, dicomLayout } from './part10';
import { loadChartPatients, matchPatient, type ChartPatient, type MatchField } from './match-patient';
import type { IdentityCheck } from '../api/identity-schemas';
import { compareIdentity, loadChartIdentity } from '../identity/compare-identity';
import { patientExists } from '../store/queries/patients';
import { insertSource } from '../store/queries/sources';
import { insertDicomImage, insertImagingInstance, insertImagingSeries, insertImagingStudy, instanceBySopUid, recountStudy, seriesIdByUid, studyByUid } from './queries';

export interface DicomImportOptions {
  /**
   * The clinician's choice of chart (after an 'ambiguous' or 'no-match'): the file is filed there only if
   * its own patient data confirm that chart, with nothing against; otherwise the outcome is 'mismatch'.
   */
  readonly patientId?: string;
  /** The clinician checked the file against the chart and files it anyway: an override, audited. */
  readonly override?: boolean;
  /** The chart open in the app: compared with the file in the prompt when no chart matches. */
  readonly chartId?: string;
}

/**
 * Imports one DICOM Part 10 instance: checks it (readDicomHeader), finds the
 * chart (matchPatient, or the clinician's choice), and stores study, series
 * and instance with the whole file in one transaction. Never throws for a
 * bad file: the outcome says 'rejected' with a one-line message.
 */
export function importDicomBytes(
  vault: Vault,
  fileName: string,
  file: Uint8Array,
  options: DicomImportOptions = {},
  charts?: readonly ChartPatient[],
): DicomImportOutcome {
  let header: DicomHeader;
  let bytes = file;
  try {
    // Stored, shown and exported as a Part 10 file, with the preamble a file without one lacks.
    bytes = asPart10(fileName, bytes);
    header = readDicomHeader(fileName, bytes);
  } catch (error) {
    if (error instanceof ImagingError) return outcome(fileName, 'rejected', error.message);
    throw error;
  }
  const db = vault.db;
  const existing = instanceBySopUid(db, header.sopInstanceUid);
  if (existing) {
    return { ...outcome(fileName, 'already-imported', `${fileName}: already in the vault`), ...existing };
  }

  let patientId: string;
  let matchedOn: MatchField[] | 'clinician';
  let overridden: IdentityCheck | null = null;
  const filePatient = { name: header.patient.name, dicomName: true, birthDate: header.patient.birthDate, sex: header.patient.sex, identifier: header.patient.id };
  if (options.patientId) {
    const found = patientExists(db, options.patientId) ? options.patientId : undefined;
    if (!found) throw new ImagingError('not-found', `patient ${options.patientId} is not in the vault`);
    // The chart chosen must be confirmed by the file itself; otherwise filing it is the clinician's override.
    const check = compareIdentity(filePatient, loadChartIdentity(db, found), { requireConfirmation: true });
    if (check.needsOverride && !options.override) {
      return { ...outcome(fileName, 'mismatch', `${fileName}: ${check.summary}; not stored (file it anyway only after checking: --override)`), checks: [check] };
    }
    patientId = found;
    matchedOn = 'clinician';
    overridden = check.needsOverride ? check : null;
  } else {
    const match = matchPatient(header.patient, charts ?? loadChartPatients(db));
    if (match.kind === 'ambiguous' || match.kind === 'no-match') {
      // The prompt shows the file beside each chart it could go under: the candidates and the chart open in the app.
      const ids = [...new Set([...(match.kind === 'ambiguous' ? match.candidates.map((c) => c.id) : []), ...(options.chartId ? [options.chartId] : [])])];
      const checks = ids.filter((id) => patientExists(db, id)).map((id) => compareIdentity(filePatient, loadChartIdentity(db, id), { requireConfirmation: true }));
      if (match.kind === 'no-match') return { ...outcome(fileName, 'no-match', `${fileName}: ${match.reason}; choose the chart (--patient ID)`), checks };
      return { ...outcome(fileName, 'ambiguous', `${fileName}: ${match.reason}; choose the chart (--patient ID)`), candidates: match.candidates, checks };
    }
    patientId = match.patientId;
    matchedOn = match.matchedOn;
  }

  const study = studyByUid(db, header.studyInstanceUid);
  if (study && study.patient_id !== patientId) {
    return outcome(fileName, 'rejected', `${fileName}: its study is already filed under another chart; nothing stored`);
  }
  // The file as it came, for its provenance; the instance's own hash is of what is stored.
  const fileSha256 = createHash('sha256').update(file).digest('hex');
  const sha256 = file === bytes ? fileSha256 : createHash('sha256').update(bytes).digest('hex');
  const at = vault.now().toISOString();
  const by = vault.clinician.id;

  return vault.atomically((): DicomImportOutcome => {
    const sourceId = insertSource(db, {
      kind: 'document',
      label: `DICOM ${fileName}`,
      sha256: fileSha256,
      clinicianId: by,
      at,
      detail: JSON.stringify({ format: 'dicom', file: fileName, matchedOn, ...(file === bytes ? {} : { preambleAdded: true }) }),
    });
    const provenance = { source_id: sourceId, source_ref: header.sopInstanceUid, recorded_at: at, recorded_by: by };
    let studyId = study?.id;
    if (!studyId) {
      studyId = `dicom-study-${randomUUID()}`;
      insertImagingStudy(db, {
        id: studyId,
        patient: patientId,
        modality: header.modality,
        description: header.studyDescription,
        started: header.studyDate,
        uid: header.studyInstanceUid,
        accession: header.accessionNumber,
        dicomPatient: JSON.stringify(header.patient),
        ...provenance,
      });
    }
    let seriesId = seriesIdByUid(db, header.seriesInstanceUid);
    if (!seriesId) {
      seriesId = `dicom-series-${randomUUID()}`;
      insertImagingSeries(db, { id: seriesId, studyId, patientId, header });
    }
    const imageId = `dicom-image-${randomUUID()}`;
    insertDicomImage(db, {
      id: imageId,
      patient: patientId,
      taken: header.studyDate,
      content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      metadata: JSON.stringify({ sopInstanceUid: header.sopInstanceUid, modality: header.modality }),
      ...provenance,
    });
    const instanceId = `dicom-instance-${randomUUID()}`;
    insertImagingInstance(db, { id: instanceId, series: seriesId, patient: patientId, image: imageId, header, length: bytes.byteLength, sha256, source_id: sourceId, recorded_at: at, recorded_by: by });
    recountStudy(db, studyId);
    vault.audit('record.write', patientId, { kind: 'imaging.import', file: fileName, instanceId, matchedOn });
    if (overridden) {
      vault.audit('record.override', patientId, {
        kind: 'dicom.filing',
        file: fileName,
        instanceId,
        fields: Object.fromEntries(overridden.fields.map((f) => [f.field, f.verdict])),
      });
    }
    const how = overridden ? 'filed anyway by the clinician despite the mismatch (audited)' : matchedOn === 'clinician' ? 'the chart chosen by the clinician' : `matched on ${matchedOn.join(', ')}`;
    return {
      ...outcome(fileName, 'imported', `${fileName}: ${header.modality ?? 'image'} ${header.columns} x ${header.rows} (${header.transferSyntaxName}) filed, ${how}`),
      patientId,
      studyId,
      instanceId,
    };
  });
}

export interface DicomImportSummary {
  readonly outcomes: DicomImportOutcome[];
  /** Files inside folders that are not DICOM (no DICM marker): skipped, not errors. */
  readonly skipped: string[];
}

/**
 * Imports files, folders (recursively) and DICOMDIRs, one file in memory at
 * a time. A file named on the command line that is not DICOM is 'rejected';
 * one met while walking a folder is skipped and listed.
 */
export function importDicomPaths(vault: Vault, paths: readonly string[], options: DicomImportOptions = {}): DicomImportSummary {
  const outcomes: DicomImportOutcome[] = [];
  const skipped: string[] = [];
  const charts = options.patientId ? [] : loadChartPatients(vault.db);
  const seen = new Set<string>();
  const importFile = (file: string, explicit: boolean): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      outcomes.push(outcome(file, 'rejected', `${file}: ${Math.round(size / 1024 / 1024)} MB is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB an instance may be`));
      return;
    }
    if (!explicit && !looksLikeDicom(file)) {
      skipped.push(file);
      return;
    }
    if (basename(file).toUpperCase() === 'DICOMDIR') {
      for (const referenced of dicomdirFiles(file)) importFile(referenced, true);
      return;
    }
    outcomes.push(importDicomBytes(vault, file, new Uint8Array(readFileSync(file)), options, charts));
  };
  const walk = (path: string, explicit: boolean): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) walk(join(path, entry), false);
    } else if (stat.isFile()) {
      importFile(path, explicit);
    }
  };
  for (const path of paths) walk(path, true);
  return { outcomes, skipped };
}

/** The image files a DICOMDIR lists (Referenced File ID, relative to its folder). */
export function dicomdirFiles(file: string): string[] {
  let dataSet: dicomParser.DataSet;
  try {
    dataSet = dicomParser.parseDicom(new Uint8Array(readFileSync(file)));
  } catch {
    throw new ImagingError('invalid-input', `${file}: a corrupt DICOMDIR`);
  }
  const records = dataSet.elements['x00041220']?.items ?? [];
  const files: string[] = [];
  for (const record of records) {
    const id = record.dataSet?.string('x00041500');
    if (!id) continue;
    files.push(join(dirname(file), ...id.trim().split('\\').filter(Boolean)));
  }
  return files;
}

/** Whether a file met in a folder is DICOM: a Part 10 file, or one without its preamble (part10.ts). */
function looksLikeDicom(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(132);
    const read = readSync(fd, head, 0, 132, 0);
    return dicomLayout(head.subarray(0, read), statSync(file).size).kind !== 'not-dicom';
  } finally {
    closeSync(fd);
  }
}

function outcome(file: string, status: DicomImportOutcome['status'], message: string): DicomImportOutcome {
  return { file, status, message, patientId: null, studyId: null, instanceId: null, candidates: [], checks: [] };
}
