/**
 * npm run test:conformance: the conformance tests at full size (the whole
 * DICOM matrix with GDCM's second opinion on every file, 2,000 values per
 * FHIR datatype, every CLI subcommand), then one table of what they
 * measured and bench-results/test-conformance.json. Exit code: vitest's,
 * or 1 where a goal is missed. `npm test` runs the same tests on a slice.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { report, type Figure } from '../../bench/report';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'conformance');

rmSync(ARTIFACTS, { recursive: true, force: true });
const started = Date.now();
const vitest = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/conformance'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, CONTINUUM_CONFORMANCE: 'full' },
});
const seconds = (Date.now() - started) / 1000;

type Result = Record<string, unknown> | null;
const read = (name: string): Result => {
  const file = join(ARTIFACTS, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
};
const num = (r: Result, key: string): number | null => (r && typeof r[key] === 'number' ? (r[key] as number) : null);
const count = (r: Result, key: string): number | null => (r && Array.isArray(r[key]) ? (r[key] as unknown[]).length : r && r[key] && typeof r[key] === 'object' ? Object.keys(r[key] as object).length : null);

const dicom = read('dicom');
const fhir = read('fhir-datatypes');
const cli = read('cli-exit-codes');
const second = (dicom?.secondOpinion ?? null) as { frames: number; agree: number; disagree: string[] } | null;
const imports = (fhir?.imports ?? null) as { tried: number; refusedAsExpected: number } | null;
const exported = (fhir?.exported ?? null) as { resources: number; invalid: string[] } | null;

const figures: Figure[] = [
  { name: 'DICOM frames compared against DCMTK (GDCM for JPEG 2000)', value: num(dicom, 'framesCompared'), unit: 'frames', goal: '>= 300' },
  { name: 'DICOM frames of lossless syntaxes compared', value: num(dicom, 'framesComparedLossless'), unit: 'frames' },
  { name: 'DICOM frames differing, lossless syntaxes', value: num(dicom, 'framesDifferingLossless'), unit: 'frames', goal: '<= 0' },
  { name: 'DICOM frames of lossy syntaxes compared', value: num(dicom, 'framesComparedLossy'), unit: 'frames' },
  { name: 'DICOM frames beyond the lossy tolerance (2 steps of 8 bits)', value: num(dicom, 'framesOverToleranceLossy'), unit: 'frames', goal: '<= 0' },
  { name: 'DICOM largest difference, lossy syntaxes', value: num(dicom, 'maxDifferenceLossy'), unit: 'sample values' },
  { name: 'DICOM transfer syntaxes covered', value: count(dicom, 'syntaxes'), unit: 'syntaxes', goal: '>= 13' },
  { name: 'DICOM photometric / planar / bit depth and sign combinations covered', value: count(dicom, 'combinations'), unit: 'combinations', goal: '>= 11' },
  { name: 'DICOM JPEG-LS interleave modes covered (colour)', value: count(dicom, 'interleaveModes'), unit: 'modes', goal: '>= 3' },
  { name: 'DICOM real files from ../shared/data/dicom compared', value: count(dicom, 'realFiles'), unit: 'files', goal: '>= 9' },
  { name: 'DICOM files without a preamble read, stored and exported as Part 10', value: count(dicom, 'preambleless'), unit: 'layouts', goal: '>= 3' },
  { name: 'DICOM cases refused as unsupported', value: count(dicom, 'refused'), unit: 'cases', goal: '<= 0' },
  { name: 'DICOM cases the encoders could not write (GDCM on 1-pixel-high images)', value: count(dicom, 'notGenerated'), unit: 'cases' },
  { name: 'GDCM second opinion: frames agreeing with ours', value: second?.agree ?? null, unit: `of ${second?.frames ?? '?'} frames` },
  { name: 'GDCM second opinion: frames where GDCM differs (DCMTK and ours identical)', value: second ? second.disagree.length : null, unit: 'frames' },
  { name: 'FHIR datatype cases tried', value: num(fhir, 'tried'), unit: 'values', goal: '>= 30000' },
  { name: 'FHIR datatype cases wrongly accepted', value: num(fhir, 'wronglyAccepted'), unit: 'values', goal: '<= 0' },
  { name: 'FHIR datatype cases wrongly refused', value: num(fhir, 'wronglyRefused'), unit: 'values', goal: '<= 0' },
  { name: 'FHIR cases where the official JSON schema alone judges otherwise', value: num(fhir, 'schemaDisagrees'), unit: 'values' },
  { name: 'FHIR bundles with an invalid value refused naming file, entry and field', value: imports?.refusedAsExpected ?? null, unit: `of ${imports?.tried ?? '?'} imports`, goal: `>= ${imports?.tried ?? 1}` },
  { name: 'FHIR exported resources invalid', value: exported ? exported.invalid.length : null, unit: `of ${exported?.resources ?? '?'} resources`, goal: '<= 0' },
  { name: 'CLI subcommands covered', value: num(cli, 'commands'), unit: 'commands', goal: '>= 33' },
  { name: 'CLI commands x cases run (with and without --json)', value: num(cli, 'runs'), unit: 'runs' },
  { name: 'CLI runs with a wrong exit status or stderr', value: num(cli, 'wrongStatus'), unit: 'runs', goal: '<= 0' },
  { name: 'conformance suite run time', value: seconds, unit: 's' },
];

const allMet = report('test:conformance', figures);
process.exitCode = vitest.status !== 0 ? (vitest.status ?? 1) : allMet ? 0 : 1;
