export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;
export const FIRST_LOAD_BUDGET_KB: number;
export const FIRST_LOAD_GUARD_KB: number;
export const ENTRY: string;
export const FIRST_ROUTE: string;
export const SIMULATOR: string;
export function staticClosure(manifest: Manifest, keys: string[]): Set<string>;
export function firstLoadFiles(manifest: Manifest): { entry: string; app: string[]; simulator: string[] };
export function gzipKb(buffer: Uint8Array): number;
export function measureFirstLoad(dist: string): {
  app: Array<{ file: string; kb: number }>;
  simulator: Array<{ file: string; kb: number }>;
  totalKb: number;
};
