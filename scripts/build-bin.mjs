/**
 * `npm run build:bin`: compiles the packaged command's two programs into dist-bin/, one
 * self-contained ESM file each, for plain Node 20 (no TypeScript loader, no node_modules):
 *
 *   dist-bin/server.mjs  mocks/server.ts, the standalone simulated Cloud Manager API
 *   dist-bin/proxy.mjs   proxy/cli.ts, the local proxy to a real Cloud Manager
 *
 * bin/cloud-manager-simulator.mjs loads one of them. Everything they import is bundled; only
 * Node's built-in modules stay imports, and the build fails if anything else would
 * (scripts/node-bundle.mjs).
 */
import { rmSync } from 'node:fs';
import { bundleNodeProgram } from './node-bundle.mjs';

const outdir = 'dist-bin';
const entries = { server: 'mocks/server.ts', proxy: 'proxy/cli.ts' };

rmSync(new URL(`../${outdir}`, import.meta.url), { recursive: true, force: true });
for (const [name, entry] of Object.entries(entries)) {
  const bytes = await bundleNodeProgram(entry, `${outdir}/${name}.mjs`, 'scripts/build-bin.mjs');
  console.log(`${outdir}/${name}.mjs  ${(bytes / 1024).toFixed(1)} kB  (from ${entry})`);
}
