import type { Migration } from './migration';

// The timeline groups a day's observations per category from
// observations_day. Without effective_at and parent_id in the index SQLite
// read every observation's table row to re-check them (about 3 ms of a 6 ms
// query for a patient with 10,000 observations); with them the grouping is
// answered from the index alone ("USING COVERING INDEX").
export const coveringResultsIndex: Migration = {
  version: 2,
  name: '0002-covering-results-index',
  up: `
DROP INDEX observations_day;
CREATE INDEX observations_day
  ON observations(patient_id, substr(effective_at, 1, 10), category, effective_at, parent_id)
  WHERE parent_id IS NULL;
`,
};
