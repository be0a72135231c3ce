import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

export type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** One subcommand: its words ("vault init"), options, and what it does. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly positionals?: 'none' | 'one-or-more';
  run(values: Values, positionals: string[], io: CliIo): Promise<void>;
}

export function requireString(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageMissing(name);
  return value;
}

export function optionalString(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export class UsageMissing extends Error {
  constructor(readonly option: string) {
    super(`missing --${option}`);
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
