import { describe, expect, it } from 'vitest';
import { firstLoadFiles, staticClosure, type Manifest } from './check-first-load.mjs';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_react.js'],
    dynamicImports: ['mocks/browser.ts', 'src/app/app.tsx'],
    css: ['assets/index.css'],
  },
  '_react.js': { file: 'assets/react.js' },
  '_shared.js': { file: 'assets/shared.js', imports: ['_react.js'] },
  '_msw.js': { file: 'assets/msw.js' },
  'src/app/app.tsx': {
    file: 'assets/app.js',
    isDynamicEntry: true,
    imports: ['_shared.js'],
    dynamicImports: ['src/features/programs/programs-page.tsx', 'src/features/overview/overview-page.tsx'],
  },
  'src/features/programs/programs-page.tsx': {
    file: 'assets/programs-page.js',
    isDynamicEntry: true,
    imports: ['_shared.js', '_table.js'],
  },
  '_table.js': { file: 'assets/table.js' },
  'src/features/overview/overview-page.tsx': {
    file: 'assets/overview-page.js',
    isDynamicEntry: true,
    imports: ['_shared.js', '_chart.js'],
  },
  '_chart.js': { file: 'assets/chart.js' },
  'mocks/browser.ts': { file: 'assets/browser.js', isDynamicEntry: true, imports: ['_msw.js', '_react.js'] },
};

describe('check-first-load', () => {
  it('follows static imports only', () => {
    expect([...staticClosure(manifest, ['src/app/app.tsx'])].sort()).toEqual(['_react.js', '_shared.js', 'src/app/app.tsx']);
  });

  it('counts the entry, the console chunk it imports and My Programs, but neither other routes nor the simulator', () => {
    const { app, simulator } = firstLoadFiles(manifest);
    expect(app.sort()).toEqual([
      'assets/app.js',
      'assets/index.js',
      'assets/programs-page.js',
      'assets/react.js',
      'assets/shared.js',
      'assets/table.js',
    ]);
    expect(simulator.sort()).toEqual(['assets/browser.js', 'assets/msw.js']);
  });

  it('fails loudly when the first route is not its own chunk', () => {
    const { ['src/features/programs/programs-page.tsx']: _dropped, ...rest } = manifest;
    void _dropped;
    expect(() => firstLoadFiles(rest)).toThrow(/programs-page/);
  });
});
