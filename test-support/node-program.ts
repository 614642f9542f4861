/**
 * The arguments for `node` that run one of this repository's Node programs in a test: its bundle
 * (scripts/node-bundle.mjs), compiled from the current source the first time a test process asks
 * for it, into a folder of that process's own that is removed when it exits. A bundle starts in
 * about 0.25 CPU-s against 0.95 through tsx's loader (npm run api, npm run proxy), and the tests
 * start these programs about forty times. mocks/readme.test.ts still starts the server through
 * tsx, exactly as the README's `npm run api` does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleNodeProgramSync } from '../scripts/node-bundle.mjs';

/** The programs, by the source file `npm run api` and `npm run proxy` start. */
export type NodeProgram = 'mocks/server.ts' | 'proxy/main.ts';

const bundles = new Map<NodeProgram, string>();
let folder: string | undefined;

/** `node`'s arguments (before the program's own) that run `program` as built from the current source. */
export function nodeProgramArgs(program: NodeProgram): string[] {
  let bundle = bundles.get(program);
  if (!bundle) {
    if (!folder) {
      const created = mkdtempSync(join(tmpdir(), 'cm-test-programs-'));
      process.once('exit', () => rmSync(created, { recursive: true, force: true }));
      folder = created;
    }
    bundle = join(folder, program.replace(/\W/g, '-').replace(/-ts$/, '.mjs'));
    bundleNodeProgramSync(program, bundle, 'test-support/node-program.ts');
    bundles.set(program, bundle);
  }
  return [bundle];
}
