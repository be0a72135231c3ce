import { ACC_AHA_BP_2017 } from './critical-values';
import type { TableSource } from './table-source';

/**
 * The blood pressure goal the chart's BP chart draws as its target band:
 * below 130/80 mm Hg for adults with hypertension, the 2017 ACC/AHA
 * guideline's goal (recommendations 8.1.5 and 9.6). A clinic with another
 * policy changes this row, with its own source.
 */
export interface BpTarget {
  readonly systolicBelow: number;
  readonly diastolicBelow: number;
  readonly source: TableSource;
}

export const BP_TARGET: BpTarget = { systolicBelow: 130, diastolicBelow: 80, source: ACC_AHA_BP_2017 };
