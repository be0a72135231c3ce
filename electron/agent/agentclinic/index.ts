/** AgentClinic OSCE cases as Continuum patients and headless session scripts. */
export { convertCase, type ConvertedCase } from './convert-case';
export { readAgentClinicCases } from './read-cases';
export { agentClinicCase, type AgentClinicCase } from './case-schema';
