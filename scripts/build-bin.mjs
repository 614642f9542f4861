/**
 * `npm run build:bin`: compiles the packaged command's two programs into dist-bin/, one
 * self-contained ESM file each, for plain Node 20 (no TypeScript loader, no node_modules):
 *
 *   dist-bin/server.mjs  mocks/server.ts, the standalone simulated Cloud Manager API
 *   dist-bin/proxy.mjs   proxy/cli.ts, the local proxy to a real Cloud Manager
 *
 * bin/cloud-manager-simulator.mjs loads one of them. Everything they import is bundled; only
 * Node's built-in modules stay imports, and the build fails if anything else would.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'dist-bin';
const entries = { server: 'mocks/server.ts', proxy: 'proxy/cli.ts' };

rmSync(new URL(`../${outdir}`, import.meta.url), { recursive: true, force: true });
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

for (const [name, entry] of Object.entries(entries)) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { [name]: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // A bundled CommonJS module that calls require() on a built-in still works in ESM.
    banner: {
      js: `// Built from ${entry} by scripts/build-bin.mjs: do not edit.\nimport { createRequire as __cmCreateRequire } from 'node:module';\nconst require = __cmCreateRequire(import.meta.url);`,
    },
    legalComments: 'inline',
    metafile: true,
    logLevel: 'warning',
  });
  const outside = Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((imported) => imported.external && !builtins.has(imported.path))
    .map((imported) => imported.path);
  if (outside.length) throw new Error(`${entry}: dist-bin/${name}.mjs would import ${outside.join(', ')} at run time`);
  const bytes = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.mjs'))?.[1].bytes ?? 0;
  console.log(`${outdir}/${name}.mjs  ${(bytes / 1024).toFixed(1)} kB  (from ${entry})`);
}
