/**
 * One of this repository's Node programs (the standalone server, the proxy) compiled into one
 * self-contained ESM file for plain Node 20: no TypeScript loader, no node_modules. Everything it
 * imports is bundled; only Node's built-in modules stay imports, and the build fails if anything
 * else would. Used for the package (scripts/build-bin.mjs) and by the tests that start these
 * programs as processes (test-support/node-program.ts): a bundle starts in about a quarter of the
 * CPU time tsx's loader takes.
 */
import { build, buildSync } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

function options(entry, outfile, by) {
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // A bundled CommonJS module that calls require() on a built-in still works in ESM.
    banner: {
      js: `// Built from ${entry} by ${by}: do not edit.\nimport { createRequire as __cmCreateRequire } from 'node:module';\nconst require = __cmCreateRequire(import.meta.url);`,
    },
    legalComments: 'inline',
    metafile: true,
    logLevel: 'warning',
  };
}

/** The bundle's size in bytes; throws when it would import anything but Node's built-ins. */
function checked(entry, outfile, result) {
  const outputs = Object.values(result.metafile.outputs);
  const outside = outputs
    .flatMap((output) => output.imports)
    .filter((imported) => imported.external && !builtins.has(imported.path))
    .map((imported) => imported.path);
  if (outside.length) throw new Error(`${entry}: ${outfile} would import ${outside.join(', ')} at run time`);
  return outputs.reduce((bytes, output) => bytes + output.bytes, 0);
}

/** Bundles `entry` (a path from the repository's root) into `outfile`; resolves with its size in bytes. */
export async function bundleNodeProgram(entry, outfile, by) {
  return checked(entry, outfile, await build(options(entry, outfile, by)));
}

/** `bundleNodeProgram`, synchronously. */
export function bundleNodeProgramSync(entry, outfile, by) {
  return checked(entry, outfile, buildSync(options(entry, outfile, by)));
}
