#!/usr/bin/env node
/**
 * The packaged command. `cloud-manager-simulator [flags]` runs the simulated Cloud Manager API (the
 * same server and flags as `npm run api`); `cloud-manager-simulator proxy [flags]` runs the local
 * proxy (as `npm run proxy`), serving the console build shipped in this package unless --dist says
 * otherwise. Both are self-contained bundles in ../dist-bin (`npm run build:bin`): plain Node 20,
 * no TypeScript loader, no dependencies. Only the bundle a command needs is loaded.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NAME = 'cloud-manager-simulator';
const args = process.argv.slice(2);
const proxy = args[0] === 'proxy';
const bundle = new URL(`../dist-bin/${proxy ? 'proxy' : 'server'}.mjs`, import.meta.url);
if (!existsSync(bundle)) {
  console.error(`${NAME}: ${fileURLToPath(bundle)} is missing: run npm run build:bin first`);
  process.exit(2);
}

if (proxy) {
  const { runProxyCli } = await import(bundle.href);
  await runProxyCli(args.slice(1), { command: `${NAME} proxy`, dist: fileURLToPath(new URL('../dist', import.meta.url)) });
} else {
  const { runServerCli } = await import(bundle.href);
  await runServerCli(args, {
    command: NAME,
    footer: `Subcommand:
  proxy [flags]         the console shipped in this package, on a Cloud Manager API through the
                        local proxy (${NAME} proxy --help lists its flags)`,
  });
}
