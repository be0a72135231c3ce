import { create } from 'zustand';
import type { AnalysisImage, ImageAnalysis, ImageModelListing } from '../../electron/api/image-model-schemas';
import { call, errorMessage } from '../api/client';
import { onSessionEnd } from '../shell/session-end';

/** One image's last run: under way, its result, or why it failed (one line). */
export type AnalysisState = { readonly status: 'running' } | { readonly status: 'done'; readonly analysis: ImageAnalysis } | { readonly status: 'failed'; readonly error: string };

export interface DecisionSupportStore {
  /** The installed image models; null until read. */
  readonly models: ImageModelListing[] | null;
  readonly modelsDir: string | null;
  readonly listError: string | null;
  /** By image key (imageKey): results are kept while the chart is open, never stored. */
  readonly runs: Readonly<Record<string, AnalysisState>>;
  loadModels(): Promise<void>;
  analyze(image: AnalysisImage, modelId: string): Promise<void>;
}

/** One key per image (and frame) and model: switching model shows that model's run. */
export function imageKey(image: AnalysisImage, modelId: string): string {
  return 'instanceId' in image ? `i:${image.instanceId}:${image.frame ?? 0}:${modelId}` : `p:${image.photoId}:${modelId}`;
}

const initial = { models: null, modelsDir: null, listError: null, runs: {} } as const;

export const useDecisionSupport = create<DecisionSupportStore>()((set) => ({
  ...initial,
  async loadModels() {
    try {
      const { models, modelsDir } = await call('imaging.models', {});
      set({ models, modelsDir, listError: null });
    } catch (error) {
      set({ listError: errorMessage(error) });
    }
  },
  async analyze(image, modelId) {
    const key = imageKey(image, modelId);
    set((s) => ({ runs: { ...s.runs, [key]: { status: 'running' } } }));
    let next: AnalysisState;
    try {
      next = { status: 'done', analysis: await call('imaging.analyze', { image, modelId }) };
    } catch (error) {
      next = { status: 'failed', error: errorMessage(error) };
    }
    set((s) => ({ runs: { ...s.runs, [key]: next } }));
  },
}));

// Results are about a patient's image: forgotten when the vault locks.
onSessionEnd(() => useDecisionSupport.setState({ ...initial }));
