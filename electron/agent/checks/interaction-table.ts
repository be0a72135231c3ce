import type { RuleSource } from './check-types';
import { SOURCES } from './rule-sources';

/**
 * High-priority drug interactions, each pair cited to its published source
 * and the section that states it. Facts read from those sources (ingredient
 * lists as the label's table gives them), not their text. Ingredients are
 * RxNorm names as the drug vocabulary knows them.
 */
export interface InteractionRule {
  readonly id: string;
  readonly a: readonly string[];
  readonly b: readonly string[];
  readonly severity: 'high' | 'warning';
  /** What happens, in a clinician's words. */
  readonly effect: string;
  readonly source: RuleSource;
  readonly section: string;
}

const SRI = ['citalopram', 'desvenlafaxine', 'duloxetine', 'escitalopram', 'fluoxetine', 'fluvoxamine', 'milnacipran', 'paroxetine', 'sertraline', 'venlafaxine', 'vilazodone'];

export const INTERACTIONS: readonly InteractionRule[] = [
  {
    id: 'warfarin-anticoagulant',
    a: ['warfarin'],
    b: ['argatroban', 'dabigatran', 'bivalirudin', 'desirudin', 'heparin', 'lepirudin'],
    severity: 'high',
    effect: 'bleeding risk increased; monitor closely',
    source: SOURCES.warfarinLabel,
    section: '7.3 Drugs that Increase Bleeding Risk, Table 3 (Anticoagulants)',
  },
  {
    id: 'warfarin-antiplatelet',
    a: ['warfarin'],
    b: ['aspirin', 'cilostazol', 'clopidogrel', 'dipyridamole', 'prasugrel', 'ticlopidine'],
    severity: 'high',
    effect: 'bleeding risk increased; monitor closely',
    source: SOURCES.warfarinLabel,
    section: '7.3 Drugs that Increase Bleeding Risk, Table 3 (Antiplatelet Agents)',
  },
  {
    id: 'warfarin-nsaid',
    a: ['warfarin'],
    b: ['celecoxib', 'diclofenac', 'diflunisal', 'fenoprofen', 'ibuprofen', 'indomethacin', 'ketoprofen', 'ketorolac', 'mefenamic acid', 'naproxen', 'oxaprozin', 'piroxicam', 'sulindac'],
    severity: 'high',
    effect: 'bleeding risk increased; monitor closely',
    source: SOURCES.warfarinLabel,
    section: '7.3 Drugs that Increase Bleeding Risk, Table 3 (Nonsteroidal Anti-Inflammatory Agents)',
  },
  {
    id: 'warfarin-sri',
    a: ['warfarin'],
    b: SRI,
    severity: 'warning',
    effect: 'bleeding risk increased; monitor closely',
    source: SOURCES.warfarinLabel,
    section: '7.3 Drugs that Increase Bleeding Risk, Table 3 (Serotonin Reuptake Inhibitors)',
  },
  {
    id: 'atorvastatin-cyclosporine-gemfibrozil',
    a: ['atorvastatin'],
    b: ['cyclosporine', 'gemfibrozil'],
    severity: 'high',
    effect: 'risk of myopathy and rhabdomyolysis; concomitant use not recommended',
    source: SOURCES.atorvastatinLabel,
    section: '7.1 Drug Interactions that may Increase the Risk of Myopathy and Rhabdomyolysis, Table 2 (Cyclosporine or Gemfibrozil)',
  },
  {
    id: 'atorvastatin-clarithromycin-itraconazole',
    a: ['atorvastatin'],
    b: ['clarithromycin', 'itraconazole'],
    severity: 'warning',
    effect: 'atorvastatin exposure raised; do not exceed atorvastatin 20 mg',
    source: SOURCES.atorvastatinLabel,
    section: '7.1 Table 2 (Select Azole Antifungals or Macrolide Antibiotics)',
  },
  {
    id: 'pde5-nitrate',
    a: ['sildenafil', 'tadalafil', 'vardenafil'],
    b: ['nitroglycerin', 'isosorbide mononitrate', 'isosorbide dinitrate'],
    severity: 'high',
    effect: 'profound hypotension; contraindicated together',
    source: SOURCES.oncHighPriority,
    section: 'high-priority list: phosphodiesterase-5 inhibitors with nitrates',
  },
  {
    id: 'tizanidine-cyp1a2-inhibitor',
    a: ['tizanidine'],
    b: ['ciprofloxacin', 'fluvoxamine'],
    severity: 'high',
    effect: 'tizanidine exposure raised many-fold: hypotension and sedation; contraindicated together',
    source: SOURCES.oncHighPriority,
    section: 'high-priority list: tizanidine with CYP1A2 inhibitors',
  },
  {
    id: 'methotrexate-trimethoprim',
    a: ['methotrexate'],
    b: ['trimethoprim'],
    severity: 'high',
    effect: 'methotrexate toxicity (bone marrow suppression)',
    source: SOURCES.oncHighPriority,
    section: 'high-priority list: methotrexate with trimethoprim',
  },
  {
    id: 'atazanavir-ppi',
    a: ['atazanavir'],
    b: ['omeprazole', 'esomeprazole', 'lansoprazole', 'pantoprazole', 'rabeprazole', 'dexlansoprazole'],
    severity: 'high',
    effect: 'atazanavir absorption reduced: loss of antiviral effect',
    source: SOURCES.oncHighPriority,
    section: 'high-priority list: atazanavir with proton pump inhibitors',
  },
  {
    id: 'ramelteon-fluvoxamine',
    a: ['ramelteon'],
    b: ['fluvoxamine'],
    severity: 'high',
    effect: 'ramelteon exposure raised many-fold',
    source: SOURCES.oncHighPriority,
    section: 'high-priority list: ramelteon with fluvoxamine',
  },
  {
    id: 'maoi-serotonergic',
    a: ['phenelzine', 'tranylcypromine', 'isocarboxazid', 'selegiline'],
    b: SRI,
    severity: 'high',
    effect: 'serotonin syndrome',
    source: SOURCES.oncHighPriority,
    section: 'high-priority list: monoamine oxidase inhibitors with serotonin reuptake inhibitors',
  },
  {
    id: 'verapamil-beta-blocker',
    a: ['verapamil'],
    b: ['metoprolol', 'atenolol', 'carvedilol', 'propranolol', 'sotalol', 'bisoprolol', 'nadolol'],
    severity: 'warning',
    effect: 'additive slowing of heart rate and AV conduction, and reduced contractility',
    source: SOURCES.verapamilLabel,
    section: 'Precautions, Drug Interactions: Beta-adrenergic blockers',
  },
];
