// @vitest-environment node
/**
 * Unit test files share their worker's modules (vite.config.ts): a vi.mock there would not replace a
 * module another file imported first, and would pass or fail by file order. Every test file that
 * mocks a module must be in the isolated project's list.
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
  it('runs every test file that mocks a module in the isolated project', () => {
    const config = readFileSync('vite.config.ts', 'utf8');
    const mocking = ['src', 'mocks', 'proxy', 'scripts', 'packaging', 'examples']
      .flatMap(testFiles)
      .filter((file) => /\bvi\.(doMock|mock)\(/.test(readFileSync(file, 'utf8')));
    expect(mocking).toContain('src/features/execution/execution-polling.test.tsx');
    expect(mocking.filter((file) => !config.includes(`'${file}'`))).toEqual([]);
  });
});
