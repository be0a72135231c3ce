/** One schema step. Files are named NNNN-what-it-does.ts; `version` matches NNNN. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL run inside the migration's transaction. */
  readonly up: string;
}
