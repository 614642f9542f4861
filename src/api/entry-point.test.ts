import { describe, expect, it } from 'vitest';
import { entryPointHref } from './client';
import { consoleSourceFiles } from '../test/source-files';

describe('the console follows links', () => {
  it('knows one API URL by heart: the program list under the base URL', () => {
    expect(entryPointHref()).toBe(`${location.origin}/api/programs`);
  });

  it('spells no other API path (simulator controls are the simulator’s own, in src/api/simulator.ts)', () => {
    const spelled = consoleSourceFiles().flatMap(({ file, code }) =>
      [...code.matchAll(/['"`](?!\.)[^'"`\n]*\b(api\/[a-z]|_sim\/|files\/)[^'"`\n]*['"`]/g)].map((match) => `${file}: ${match[0]}`),
    );
    expect(spelled).toEqual(["src/api/client.ts: 'api/programs'", 'src/api/simulator.ts: `_sim/${path}`']);
  });
});
