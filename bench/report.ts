import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  readonly name: string;
  /** null: not measured (the unit says why). */
  readonly value: number | null;
  readonly unit: string;
  /** The goal as text, e.g. "<= 10" or ">= 0.9"; absent for context figures. */
  readonly goal?: string;
}

/** Whether a figure meets its goal ("<= 10", ">= 0.9"); true when it has none. */
export function meets(figure: Figure): boolean {
  if (!figure.goal) return true;
  if (figure.value === null) return false;
  const match = /^(<=|>=|<|>)\s*([\d.]+)$/.exec(figure.goal.trim());
  if (!match) return false;
  const target = Number(match[2]);
  switch (match[1]) {
    case '<=':
      return figure.value <= target;
    case '>=':
      return figure.value >= target;
    case '<':
      return figure.value < target;
    default:
      return figure.value > target;
  }
}

/**
 * Prints the figures as a table and writes bench-results/NAME.json, NAME
 * being the npm script with ':' as '-' (bench:store -> bench-store.json).
 */
export function report(script: string, figures: readonly Figure[]): boolean {
  const rows = figures.map((f) => [
    f.name,
    f.value === null ? 'n/a' : format(f.value),
    f.unit,
    f.goal ?? '',
    !f.goal ? '' : f.value === null ? 'NOT MEASURED' : meets(f) ? 'met' : 'MISSED',
  ]);
  const header = ['figure', 'value', 'unit', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  const dir = join(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${script.replace(/:/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ figures }, null, 2)}\n`);
  const allMet = figures.every(meets);
  console.log(`\n${allMet ? 'all goals met' : 'some goals MISSED'}; figures written to ${file}`);
  return allMet;
}

function format(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toFixed(3);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
