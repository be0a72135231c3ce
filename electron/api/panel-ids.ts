import { z } from 'zod';

/**
 * The panels a workflow may name (electron/agent/harness/workflow.ts), as
 * typed ids both sides share: the core's workflows list them, the renderer's
 * panel registry lays out the ones the active workflow names. A new id here
 * needs a panel registered for it in the renderer (a test checks both ways).
 */
export const workflowPanelId = z.enum(['brief', 'timeline', 'trends', 'chat', 'evidence', 'imaging', 'documents']);
export type WorkflowPanelId = z.infer<typeof workflowPanelId>;
