import { resolve } from 'node:path';
import type { ImageAnalysis } from '../../api/image-model-schemas';
import { optionalString, printJson, requireString, type Command, type Values } from '../command';
import { UsageError, type CliIo } from '../io';
import { withVault } from '../login';
import { defaultModelsDir } from './model';

function modelsDirOf(values: Values, io: CliIo): string {
  const given = optionalString(values, 'models');
  return given ? resolve(given) : defaultModelsDir(io.env);
}

function percent(p: number): string {
  return `${(p * 100).toFixed(1).padStart(5)} %`;
}

/** The analysis as a clinician reads it: the decision-support label first, the model, the image, the classes as bars. */
export function formatAnalysis(a: ImageAnalysis): string {
  const width = Math.max(...a.predictions.map((p) => p.name.length));
  const t = a.timing;
  return [
    a.label,
    `Model: ${a.model.name}, version ${a.model.version} (${a.model.id}); licence ${a.model.licence}`,
    `Made for: ${a.model.modality}. Intended use: ${a.model.intendedUse}`,
    `Image: ${a.image.description}`,
    ...a.predictions.map((p) => `  ${p.name.padEnd(width)}  ${percent(p.probability)}  ${'#'.repeat(Math.round(p.probability * 40))}`),
    `About the labels: ${a.model.labelsNote}`,
    `Time: ${t.loadMs === null ? 'model already loaded' : `model loaded and verified in ${Math.round(t.loadMs)} ms`}; decode ${Math.round(t.decodeMs)} ms, preprocessing ${Math.round(t.preprocessMs)} ms, inference ${Math.round(t.inferenceMs)} ms`,
    "Nothing was written to the patient's record.",
    '',
  ].join('\n');
}

export const imageModelCommands: Command[] = [
  {
    name: 'imaging analyze',
    usage: 'imaging analyze --vault FILE (--instance ID [--frame N] | --photo ID) [--model ID] [--models DIR] [--json]',
    summary: "run an image model on a DICOM image or photo, as decision support (nothing is written to the record)",
    options: {
      vault: { type: 'string' },
      user: { type: 'string' },
      instance: { type: 'string' },
      frame: { type: 'string' },
      photo: { type: 'string' },
      model: { type: 'string' },
      models: { type: 'string' },
      json: { type: 'boolean' },
    },
    async run(values, _positionals, io) {
      const instanceId = optionalString(values, 'instance');
      const photoId = optionalString(values, 'photo');
      if ((instanceId === undefined) === (photoId === undefined)) throw new UsageError('give --instance ID or --photo ID (one of them)');
      let frame: number | undefined;
      if (values.frame !== undefined) {
        if (!instanceId) throw new UsageError('--frame goes with --instance');
        frame = Number(values.frame);
        if (!Number.isInteger(frame) || frame < 1) throw new UsageError('--frame must be a whole number from 1');
      }
      const image = instanceId ? { instanceId, ...(frame ? { frame: frame - 1 } : {}) } : { photoId: photoId! };
      const modelId = optionalString(values, 'model');
      const dir = modelsDirOf(values, io);
      // Loaded here, not at start-up: onnxruntime is only needed by this command.
      const { analyzeImage, releaseImageModels } = await import('../../imaging/image-model');
      try {
        const analysis = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => analyzeImage(vault, { image, modelId }, dir));
        if (values.json) printJson(io, analysis);
        else io.out(formatAnalysis(analysis));
      } finally {
        await releaseImageModels();
      }
    },
  },
  {
    name: 'imaging model-files',
    usage: 'imaging model-files --model DIR',
    summary: "record an image model's files (size, SHA-256) in its hand-written continuum-model.json",
    options: { model: { type: 'string' } },
    async run(values, _positionals, io) {
      const dir = resolve(requireString(values, 'model'));
      const { recordImageModelFiles } = await import('../../imaging/image-model/manifest');
      const manifest = await recordImageModelFiles(dir);
      io.out(`${dir}: ${manifest.name} ${manifest.version}, ${manifest.files.length} file(s) recorded\n`);
    },
  },
  {
    name: 'imaging models',
    usage: 'imaging models [--models DIR] [--json]',
    summary: 'list the installed image models (decision support), with what each is made for',
    options: { models: { type: 'string' }, json: { type: 'boolean' } },
    async run(values, _positionals, io) {
      const dir = modelsDirOf(values, io);
      const { listImageModels } = await import('../../imaging/image-model/list');
      const models = listImageModels(dir);
      if (values.json) return printJson(io, { modelsDir: dir, models });
      if (models.length === 0) {
        io.out(`No image models installed in ${dir}; models/README.md says how to add one. Imaging works without one.\n`);
        return;
      }
      for (const m of models) {
        if (m.ok) io.out(`${m.id}  ${m.model.name} ${m.model.version}${m.model.testModel ? ' (test model)' : ''}  for ${m.model.modality}  ${m.model.labels.length} labels  licence ${m.model.licence}\n`);
        else io.out(`${m.id}  PROBLEM: ${m.problem}\n`);
      }
    },
  },
];
