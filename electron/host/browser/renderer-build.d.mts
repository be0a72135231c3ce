/** Types for renderer-build.mjs. */
export declare const RENDERER_SOURCES: readonly string[];
export declare function rendererIsStale(root: string): boolean;
export declare function buildRenderer(root: string, options?: { quiet?: boolean }): string | null;
