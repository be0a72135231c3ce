/**
 * Estimated GFR from serum creatinine: the CKD-EPI 2021 equation without
 * race (Inker LA et al., "New Creatinine- and Cystatin C-Based Equations to
 * Estimate GFR without Race", N Engl J Med 2021;385:1737-49), in
 * mL/min/1.73 m2, for adults. Used only when the record has no eGFR of its
 * own; the flag says it was estimated.
 */
export function ckdEpi2021(creatinineMgPerDl: number, ageYears: number, sex: 'female' | 'male'): number | null {
  if (!(creatinineMgPerDl > 0) || ageYears < 18) return null;
  const kappa = sex === 'female' ? 0.7 : 0.9;
  const alpha = sex === 'female' ? -0.241 : -0.302;
  const ratio = creatinineMgPerDl / kappa;
  const egfr = 142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** ageYears * (sex === 'female' ? 1.012 : 1);
  return Math.round(egfr);
}

export const CKD_EPI_SOURCE = {
  title: 'New Creatinine- and Cystatin C-Based Equations to Estimate GFR without Race (CKD-EPI 2021)',
  issuer: 'Inker LA et al., N Engl J Med 2021;385:1737-49',
} as const;
