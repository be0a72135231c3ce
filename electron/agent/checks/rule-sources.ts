import type { RuleSource } from './check-types';

/**
 * The published sources the checks' rules come from, each with the version
 * a clinician can look up. Where the document itself is in the starter
 * evidence library, `libraryFile` names it, so the flag can open it.
 */
export const SOURCES = {
  warfarinLabel: {
    title: 'Warfarin sodium tablets, full prescribing information',
    issuer: 'U.S. Food and Drug Administration (approved labeling, DailyMed; Golden State Medical Supply)',
    version: 'Revised 8/2022',
    libraryFile: 'fda-label-warfarin-sodium-tablets.pdf',
  },
  atorvastatinLabel: {
    title: 'Atorvastatin calcium tablets, full prescribing information',
    issuer: 'U.S. Food and Drug Administration (approved labeling, DailyMed; Mylan Pharmaceuticals)',
    version: 'Revised 4/2024',
    libraryFile: 'fda-label-atorvastatin-calcium-tablets.pdf',
  },
  metforminLabel: {
    title: 'Metformin hydrochloride tablets, full prescribing information',
    issuer: 'U.S. Food and Drug Administration (approved labeling, DailyMed; A-S Medication Solutions)',
    version: 'Revised 1/2026',
    libraryFile: 'fda-label-metformin-hydrochloride-tablets.pdf',
  },
  digoxinLabel: {
    title: 'Lanoxin (digoxin) tablets, full prescribing information',
    issuer: 'U.S. Food and Drug Administration (approved labeling)',
    version: 'current DailyMed labeling (not in the starter library)',
  },
  verapamilLabel: {
    title: 'Calan (verapamil hydrochloride) tablets, prescribing information',
    issuer: 'U.S. Food and Drug Administration (approved labeling)',
    version: 'current DailyMed labeling (not in the starter library)',
  },
  oncHighPriority: {
    title: 'High-priority drug-drug interactions for use in electronic health records (the ONC high-priority list, 15 interactions)',
    issuer: 'Phansalkar S et al., J Am Med Inform Assoc 2012;19(5):735-43',
    version: '2012 list',
  },
  cdcOpioids2016Rec5: {
    title: 'CDC Guideline for Prescribing Opioids for Chronic Pain, 2016, Recommendation 5 (reassess at >= 50 MME/day; avoid or justify >= 90 MME/day)',
    issuer: 'Centers for Disease Control and Prevention (MMWR Recomm Rep 2016;65(No. RR-1))',
    version: 'March 2016 (superseded by the 2022 guideline; the thresholds remain its reference points)',
    libraryFile: 'cdc-opioids-chronic-pain-2016.html',
  },
  cdcOpioids2022: {
    title: 'CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022',
    issuer: 'Centers for Disease Control and Prevention (MMWR Recomm Rep 2022;71(No. RR-3))',
    version: 'November 2022',
    libraryFile: 'cdc-opioid-prescribing-2022-recommendations.md',
  },
} as const satisfies Record<string, RuleSource>;

/** A source with the section and table row a particular flag rests on. */
export function cite(source: RuleSource, section: string, row?: string): RuleSource {
  return { ...source, section, ...(row ? { row } : {}) };
}
