import type { Db } from '../../store/sqlite';
import type { ChartIndex } from './chart-index';
import type { SourceRecord } from './source-records';

/** What every check of one claim needs: the vault, the patient, the claim's text and the sources it cites. */
export interface VerifyContext {
  readonly db: Db;
  readonly patientId: string;
  readonly text: string;
  readonly chart: ChartIndex;
  readonly sources: readonly SourceRecord[];
  /** The claim cites the patient's whole chart (a claim about absence or "the latest"). */
  readonly citesChart: boolean;
  /** The patient's recorded sex ('female', 'male', ...), for sex-specific thresholds. */
  readonly sex: string | null;
  /** "Latest" means the latest up to this moment (ISO): a brief of a deceased patient's record speaks as of the death. */
  readonly asOf: string;
  /** The patient's names, lower case: a claim may name the patient. */
  readonly names: ReadonlySet<string>;
}
