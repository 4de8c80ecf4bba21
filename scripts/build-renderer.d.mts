/** Bundles renderer/ into outDir (default dist/renderer) and returns the folder. */
export function buildRenderer(outDir?: string): Promise<string>;
