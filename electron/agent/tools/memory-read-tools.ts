import { z } from 'zod';
import { eventKind, isoTime, recordDetails, searchHit, series, timelineEvent, verifiedClaim } from '../../api/schemas';
import { getRecordDetails, recordPatientId } from '../../store/queries/details';
import { getSeries, listAnalytes } from '../../store/queries/observations';
import { searchText } from '../../store/queries/search';
import { timelineEvents } from '../../store/queries/timeline';
import * as q from '../brief/brief-queries';
import { periodSummaries } from '../brief/period-summaries';
import { visitSummaryNotes } from './queries';
import { defineTool } from './tool';

/**
 * The memory agent's read tools: each answers for the session's patient
 * only (the patient is the session's, never an argument), and every record
 * it returns carries the id an answer must cite.
 */

const coded = z.object({ id: z.string(), display: z.string(), start: z.string().nullable(), end: z.string().nullable(), status: z.string().nullable() });

export const timelineSince = defineTool({
  id: 'memory.timeline_since',
  description: "The patient's timeline (visits, problems, medications, results by day, procedures...) since a date.",
  input: z.object({ since: isoTime, kinds: z.array(eventKind).max(12).optional() }).strict(),
  output: z.object({ events: z.array(timelineEvent), truncated: z.boolean() }),
  sideEffect: 'read',
  roles: ['memory', 'orchestrator'],
  run: (input, { db, patientId }) => timelineEvents(db, { patientId, from: input.since, ...(input.kinds ? { kinds: input.kinds } : {}) }),
});

export const searchMemory = defineTool({
  id: 'memory.search',
  description: "Full-text search of the patient's notes, facts and document text.",
  input: z.object({ query: z.string().min(1).max(200), limit: z.number().int().min(1).max(50).optional() }).strict(),
  output: z.object({ hits: z.array(searchHit) }),
  sideEffect: 'read',
  roles: ['memory', 'orchestrator'],
  run: (input, { db, patientId }) => ({ hits: searchText(db, patientId, input.query, input.limit ?? 10) }),
});

export const labTrend = defineTool({
  id: 'memory.lab_trend',
  description: 'The values of one analyte over time, by LOINC code or by name ("HbA1c", "Body Weight").',
  input: z.object({ analyte: z.string().min(1).max(100) }).strict(),
  output: z.object({ series: series.nullable() }),
  sideEffect: 'read',
  roles: ['memory', 'orchestrator', 'safety'],
  run: (input, { db, patientId }) => {
    const wanted = input.analyte.toLowerCase();
    const analytes = listAnalytes(db, patientId);
    const match = analytes.find((a) => a.code === input.analyte) ?? analytes.find((a) => a.display.toLowerCase().includes(wanted));
    return { series: match ? getSeries(db, patientId, match.code) : null };
  },
});

export const activeLists = defineTool({
  id: 'memory.active_lists',
  description: 'Active problems, active medications and allergies.',
  input: z.object({}).strict(),
  output: z.object({ problems: z.array(coded), medications: z.array(coded), allergies: z.array(coded.extend({ criticality: z.string().nullable(), reactions: z.array(z.string()) })) }),
  sideEffect: 'read',
  roles: ['memory', 'orchestrator', 'safety'],
  run: (_input, { db, patientId, now }) => ({
    problems: q.activeConditions(db, patientId, now.toISOString()),
    medications: q.activeMedications(db, patientId, now.toISOString()),
    allergies: q.currentAllergies(db, patientId),
  }),
});

export const visitSummaries = defineTool({
  id: 'memory.visit_summaries',
  description: 'Summaries of prior visits signed off in Continuum, latest first.',
  input: z.object({ limit: z.number().int().min(1).max(20).optional() }).strict(),
  output: z.object({ summaries: z.array(z.object({ id: z.string(), title: z.string(), body: z.string(), writtenAt: z.string() })) }),
  sideEffect: 'read',
  roles: ['memory', 'orchestrator'],
  run: (input, { db, patientId }) => ({
    summaries: visitSummaryNotes(db, patientId, input.limit ?? 5),
  }),
});

export const openCareItems = defineTool({
  id: 'memory.open_care_items',
  description: 'Care plans still active and care items past their due date.',
  input: z.object({}).strict(),
  output: z.object({ items: z.array(coded.extend({ due: z.string().nullable() })) }),
  sideEffect: 'read',
  roles: ['memory', 'orchestrator', 'safety'],
  run: (_input, { db, patientId, now }) => ({ items: q.openCarePlans(db, patientId, now.toISOString()) }),
});



export const readRecord = defineTool({
  id: 'memory.read_record',
  description: 'One record of the patient in full, with its provenance (where it came from, who recorded it).',
  input: z.object({ kind: eventKind.exclude(['results']), id: z.string().min(1).max(256) }).strict(),
  output: z.object({ record: recordDetails.nullable() }),
  sideEffect: 'read',
  roles: ['memory', 'orchestrator', 'safety', 'perception'],
  run: (input, { db, patientId }) => {
    // Another patient's record is "not found" here, never shown.
    if (recordPatientId(db, input.kind, input.id) !== patientId) return { record: null };
    return { record: getRecordDetails(db, input.kind, input.id) };
  },
});

export const periodSummariesTool = defineTool({
  id: 'memory.period_summaries',
  description: 'The record before a date, a few cited lines per year (visits, new problems, medications started).',
  input: z.object({ before: isoTime }).strict(),
  output: z.object({ years: z.array(z.object({ year: z.string(), lines: z.array(verifiedClaim) })) }),
  sideEffect: 'read',
  roles: ['memory', 'orchestrator'],
  run: (input, { db, patientId }) => ({ years: periodSummaries(db, patientId, input.before) }),
});

export const MEMORY_READ_TOOLS = [timelineSince, searchMemory, labTrend, activeLists, visitSummaries, openCareItems, readRecord, periodSummariesTool];
