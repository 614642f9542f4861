// @vitest-environment node
/**
 * Unit test files share their worker's modules (vite.config.ts): a vi.mock there would not replace a
 * module another file imported first, and would pass or fail by file order. So no test file mocks a
 * module: pass the stand-in in (src/app/start-simulator.ts takes its starter), or count renders
 * with src/test/render-counter.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path.split('\\').join('/')] : [];
  });
}

describe('unit test isolation', () => {
  it('no test file mocks a module', () => {
    const files = ['src', 'mocks', 'proxy', 'scripts', 'packaging', 'examples'].flatMap(testFiles);
    expect(files).toContain('src/features/execution/execution-polling.test.tsx');
    expect(files.filter((file) => /\bvi\.(doMock|mock)\(/.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
