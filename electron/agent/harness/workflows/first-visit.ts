import type { Workflow } from '../workflow';

export const firstVisit: Workflow = {
  id: 'first-visit',
  title: 'First visit',
  purpose:
    'Run a first visit: take a full history (presenting complaint, past history, medications, allergies, family and social history), record what the patient reports as proposed facts, and draft an assessment and plan.',
  agents: ['orchestrator', 'memory', 'evidence', 'safety'],
  tools: ['memory.search', 'memory.active_lists', 'memory.read_record', 'memory.propose_fact', 'memory.propose_note', 'memory.propose_care_item', 'memory.propose_follow_up', 'evidence.search'],
  panels: ['brief', 'chat', 'evidence'],
  signOff: true,
};
