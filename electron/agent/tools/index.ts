import { approveProposal } from './approve-tool';
import { searchEvidenceTool } from './evidence-tools';
import { MEMORY_PROPOSE_TOOLS } from './memory-propose-tools';
import { MEMORY_READ_TOOLS } from './memory-read-tools';
import { ToolRegistry } from './registry';

/** Every tool Continuum ships, registered once; a workflow picks the ones it uses by id. */
export function defaultToolRegistry(): ToolRegistry {
  return new ToolRegistry([...MEMORY_READ_TOOLS, ...MEMORY_PROPOSE_TOOLS, searchEvidenceTool, approveProposal]);
}

export { ToolRegistry, type ToolResult, type RefusalReason, type CallObserver } from './registry';
export { ProposalStore, type Proposal, type ProposalBody } from './proposals';
export { ROLES, type RoleId, type SideEffect, type Tool, type ToolContext } from './tool';
