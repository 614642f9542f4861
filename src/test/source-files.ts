/**
 * Test-only: the console's own source, for tests that check a rule over all of it (one polling
 * policy, one key factory, no built API URLs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface SourceFile {
  /** Relative to the repository, with forward slashes (`src/api/queries.ts`). */
  file: string;
  /** The code without its comments (a `//` after a colon or quote is part of a URL, not a comment). */
  code: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : walk(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every `.ts`/`.tsx` file under src/ that is neither a test nor test support (src/test). */
export function consoleSourceFiles(): SourceFile[] {
  return walk(join(ROOT, 'src')).map((path) => ({
    file: relative(ROOT, path).split('\\').join('/'),
    code: withoutComments(readFileSync(path, 'utf8')),
  }));
}
