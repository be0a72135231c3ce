import type { Workflow } from '../workflow';

export const imagingReview: Workflow = {
  id: 'imaging-review',
  title: 'Imaging review',
  purpose: "Review the patient's images against their priors with the clinician, and propose the clinician's findings as facts.",
  agents: ['orchestrator', 'memory', 'perception', 'safety'],
  // The perception agent's reads first: the images, a lesion's measurements over time, the confirmed findings to cite.
  tools: ['imaging.list_images', 'imaging.lesion_history', 'imaging.findings', 'memory.timeline_since', 'memory.read_record', 'memory.propose_fact', 'memory.propose_note'],
  panels: ['timeline', 'imaging', 'chat'],
  signOff: false,
};
