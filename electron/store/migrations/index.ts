import type { Migration } from './migration';
import { initialSchema } from './0001-initial-schema';

/** Every migration, in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [initialSchema];

export type { Migration } from './migration';
