import type { Workflow } from '../workflow';

export const followUp: Workflow = {
  id: 'follow-up',
  title: 'Follow-up visit',
  purpose:
    'Run a follow-up visit: review what changed since the last visit, take a structured history (complaint, symptom review, adherence, side effects), ask clarifying questions before concluding, and draft an assessment and plan.',
  agents: ['orchestrator', 'memory', 'evidence', 'safety'],
  tools: [
    'memory.timeline_since', 'memory.search', 'memory.lab_trend', 'memory.active_lists', 'memory.visit_summaries', 'memory.open_care_items',
    'memory.read_record', 'memory.propose_fact', 'memory.propose_note', 'memory.propose_care_item', 'memory.propose_follow_up', 'evidence.search',
    // What changed on the patient's images since the last visit: a lesion under watch, a confirmed X-ray finding.
    'imaging.findings', 'imaging.lesion_history',
  ],
  // The whole chart: a follow-up looks at what changed anywhere, scans and images included.
  panels: ['brief', 'timeline', 'trends', 'chat', 'evidence', 'imaging', 'documents'],
  signOff: true,
};
