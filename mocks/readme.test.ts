// @vitest-environment node
/** The README's curl session works as written against `npm run api`. */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_FLAGS, serverUsage } from './server';

let server: ChildProcess | undefined;
afterAll(() => server?.kill('SIGKILL'));

function start(): Promise<string> {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, ['--import', 'tsx', 'mocks/server.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (chunk: Buffer) => {
      const match = /(http:\/\/[\d.]+:\d+)\/api\/programs/.exec(chunk.toString());
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

describe('README', () => {
  it('shows a curl session (programs → pipeline → start → poll → advance) that works as written', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const session = /A curl session[^\n]*\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(session).toBeDefined();
    const base = await start();
    const script = `set -euo pipefail\n${session!.replace('API=http://localhost:8787', `API=${base}`)}`;
    const output = execFileSync('bash', ['-c', script], { encoding: 'utf8', timeout: 30_000 });
    const lines = output.trim().split('\n');
    expect(lines).toContain('1 WKND Sites /api/program/1');
    expect(lines).toContain('approval');
    expect(lines[lines.length - 1]).toBe('202');
  }, 60_000);

  it('lists every flag --help prints in the flag table of "The simulator as a command"', () => {
    const usage = serverUsage();
    const printed = [...new Set(usage.match(/(?<![\w-])--[a-z][a-z-]*/g))];
    // --help prints every flag the parser takes (and no other).
    expect(printed.sort()).toEqual(
      Object.keys(SERVER_FLAGS)
        .map((flag) => `--${flag}`)
        .sort(),
    );
    const readme = readFileSync('README.md', 'utf8');
    const section = /## The simulator as a command[\s\S]*?\n\| flag \| default \|[^\n]*\n([\s\S]*?)\n\n/.exec(readme)?.[1];
    expect(section).toBeDefined();
    const documented = section!.split('\n').map((row) => /^\| (?:`-h`, )?`(--[a-z-]+)/.exec(row)?.[1]);
    for (const flag of printed) expect(documented, `${flag} is missing from the README's flag table`).toContain(flag);
  });
});
