import { create } from 'zustand';
import type { WorkflowPanelId } from '../../electron/api/panel-ids';
import { onSessionEnd } from './session-end';

/**
 * The workflow running for the open chart (a follow-up visit, an imaging
 * review...), as the core described it when its session started: the chart
 * lays out the panels it names. None running: the whole chart.
 */
export interface ActiveWorkflow {
  readonly id: string;
  readonly panels: readonly WorkflowPanelId[];
}

export interface WorkflowState {
  readonly active: ActiveWorkflow | null;
  begin(workflow: ActiveWorkflow): void;
  end(): void;
}

export const useWorkflow = create<WorkflowState>()((set) => ({
  active: null,
  begin(workflow) {
    set({ active: workflow });
  },
  end() {
    set({ active: null });
  },
}));

onSessionEnd(() => useWorkflow.getState().end());
