import type { ComponentType } from 'react';
import type { WorkflowPanelId } from '../../electron/api/panel-ids';
import type { Chart } from '../../electron/api/schemas';
import { CHART_SECTIONS, type ChartSection } from './navigation';

/**
 * The chart's panels, registered by the features that draw them (renderer/
 * app/features.ts registers every feature once). The chart lays out the ones
 * the active workflow names, in their sections, by order; it imports no
 * panel itself. Ids are typed: a workflow names WorkflowPanelId (the
 * contract's list), and the chart's own panels (vitals, the problem lists,
 * the visit note...) are always there.
 */
export type ChartPanelId = 'vitals' | 'problem-lists' | 'blood-pressure' | 'photos' | 'visit-note' | 'access-history';
export type PanelId = WorkflowPanelId | ChartPanelId;

export interface PanelProps {
  readonly chart: Chart;
}

export interface PanelDefinition {
  readonly id: PanelId;
  readonly section: ChartSection;
  /** Place within its section (and its slot), lowest first; also the order the summary's onChartOpen calls go out in. */
  readonly order: number;
  /** Laid out when the workflow names this id; 'chart' for the chart's own panels, always laid out. */
  readonly shownBy: WorkflowPanelId | 'chart';
  readonly component: ComponentType<PanelProps>;
  /** In the summary: above its two columns, the wide one, or the narrow one (default main). */
  readonly slot?: 'top' | 'main' | 'side';
  /** Asked right after the audited chart.open, before its answer: what the opening section needs at once. */
  readonly onChartOpen?: (patientId: string) => void;
  /** Each time its section is shown with the chart loaded: loads what it needs (the panel decides whether it has it already). */
  readonly onShow?: (chart: Chart) => void;
}

const panels = new Map<PanelId, PanelDefinition>();
const badges = new Map<ChartSection, ComponentType<PanelProps>>();

/** Adds a panel; a second one with the same id, or one shown by a workflow panel id of another kind, throws at start-up. */
export function registerPanel(panel: PanelDefinition): () => void {
  if (panels.has(panel.id)) throw new Error(`panel "${panel.id}" is registered twice`);
  if (!CHART_SECTIONS.some((s) => s.id === panel.section)) throw new Error(`panel "${panel.id}" names no chart section ("${panel.section}")`);
  panels.set(panel.id, panel);
  return () => {
    if (panels.get(panel.id) === panel) panels.delete(panel.id);
  };
}

/**
 * A badge beside a section's name ("2 new" beside Documents), drawn by the
 * feature that knows the count: a <span className="tab-badge">, or nothing
 * when there is nothing to say. One per section.
 */
export function registerSectionBadge(section: ChartSection, Badge: ComponentType<PanelProps>): () => void {
  if (badges.has(section)) throw new Error(`two badges registered for the chart's ${section} section`);
  badges.set(section, Badge);
  return () => {
    if (badges.get(section) === Badge) badges.delete(section);
  };
}

/** The badge of a section, if a feature registered one. */
export function sectionBadge(section: ChartSection): ComponentType<PanelProps> | null {
  return badges.get(section) ?? null;
}

export function registeredPanels(): PanelDefinition[] {
  return [...panels.values()];
}

/**
 * The panels the chart lays out for a workflow's list (null: no workflow
 * running, the whole chart), in order. A workflow that names a panel no
 * feature registered is a mistake said at once, not a blank space.
 */
export function panelsFor(named: readonly WorkflowPanelId[] | null): PanelDefinition[] {
  const all = registeredPanels();
  if (named) {
    const missing = named.filter((id) => !all.some((p) => p.id === id || p.shownBy === id));
    if (missing.length > 0) throw new Error(`the workflow names panels no feature registered: ${missing.join(', ')}`);
  }
  return all.filter((p) => p.shownBy === 'chart' || named === null || named.includes(p.shownBy)).sort((a, b) => a.order - b.order);
}

/** The sections that have something to show, in the navigation's order. */
export function sectionsOf(laidOut: readonly PanelDefinition[]): ChartSection[] {
  return CHART_SECTIONS.map((s) => s.id).filter((id) => laidOut.some((p) => p.section === id));
}
