/** Types of scripts/embed-catalog.mjs, for the test that holds embedded.ts up to date. */
export interface CatalogFileText {
  readonly path: string;
  readonly text: string;
}
export declare const repoRoot: string;
export declare const EMBEDDED_PATH: string;
export declare const readCatalogFiles: (root?: string) => CatalogFileText[];
export declare const renderEmbedded: (files: readonly CatalogFileText[]) => string;
