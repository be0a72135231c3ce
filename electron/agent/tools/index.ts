import { approveProposal } from './approve-tool';
import { searchEvidenceTool } from './evidence-tools';
import { IMAGING_READ_TOOLS } from './imaging-read-tools';
import { MEMORY_PROPOSE_TOOLS } from './memory-propose-tools';
import { MEMORY_READ_TOOLS } from './memory-read-tools';
import { ToolRegistry } from './registry';

/** Every tool Continuum ships, registered once; a workflow picks the ones it uses by id. */
export function defaultToolRegistry(): ToolRegistry {
  return new ToolRegistry([...MEMORY_READ_TOOLS, ...MEMORY_PROPOSE_TOOLS, ...IMAGING_READ_TOOLS, searchEvidenceTool, approveProposal]);
}

export { ToolRegistry, type ToolResult, type RefusalReason, type CallObserver } from './registry';
export { ProposalStore, type Proposal, type ProposalBody } from './proposals';
export { signOffProposals, SIGN_OFF_AUDIT_KIND, type SignOffDecision, type SignedItem } from './sign-off';
export { ROLES, type RoleId, type SideEffect, type Tool, type ToolContext } from './tool';
