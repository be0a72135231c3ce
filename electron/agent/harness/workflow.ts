import type { WorkflowPanelId } from '../../api/panel-ids';
import { VaultError } from '../../store/errors';
import type { RoleId } from '../tools';

/**
 * A care workflow as data: which agents take part, which tools each may
 * use (by stable id; the registry's role allowances still apply), which
 * panels the app shows, and what the orchestrator is there to do. A new
 * workflow is a new one of these, registered; the runner does not change.
 */
export interface Workflow {
  readonly id: string;
  readonly title: string;
  /** The orchestrator's brief for this kind of visit. */
  readonly purpose: string;
  readonly agents: readonly RoleId[];
  readonly tools: readonly string[];
  /** The panels the app lays out for it (typed ids shared with the renderer's panel registry). */
  readonly panels: readonly WorkflowPanelId[];
  /** Whether the session ends with an assessment-and-plan note to approve. */
  readonly signOff: boolean;
}

export class WorkflowRegistry {
  private readonly workflows = new Map<string, Workflow>();

  constructor(workflows: readonly Workflow[], knownTools: ReadonlySet<string>) {
    for (const workflow of workflows) {
      if (this.workflows.has(workflow.id)) throw new Error(`workflow ${workflow.id} is registered twice`);
      const unknown = workflow.tools.filter((t) => !knownTools.has(t));
      if (unknown.length > 0) throw new Error(`workflow ${workflow.id} names tools that are not registered: ${unknown.join(', ')}`);
      if (!workflow.agents.includes('orchestrator')) throw new Error(`workflow ${workflow.id} has no orchestrator`);
      this.workflows.set(workflow.id, workflow);
    }
  }

  get(id: string): Workflow {
    const workflow = this.workflows.get(id);
    // Asked for by name from a script or the app: an unknown one is the caller's mistake, said plainly.
    if (!workflow) throw new VaultError('not-found', `no workflow "${id.slice(0, 60)}"; known: ${[...this.workflows.keys()].join(', ')}`);
    return workflow;
  }

  list(): Workflow[] {
    return [...this.workflows.values()];
  }
}
