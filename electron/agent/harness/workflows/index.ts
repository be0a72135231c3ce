import type { ToolRegistry } from '../../tools';
import { WorkflowRegistry } from '../workflow';
import { firstVisit } from './first-visit';
import { followUp } from './follow-up';
import { imagingReview } from './imaging-review';

/** The workflows Continuum ships, checked against the tools that exist. */
export function defaultWorkflows(tools: ToolRegistry): WorkflowRegistry {
  return new WorkflowRegistry([followUp, firstVisit, imagingReview], new Set(tools.ids()));
}
