/**
 * The standalone server as a child process, for tests and benches: node itself running the server
 * bundled from the current source (test-support/node-program.ts; one process, so killing it stops
 * the server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { nodeProgramArgs } from '../test-support/node-program';

export interface ServerProcess {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:40123 */
  base: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  /** SIGKILL, resolved once it has exited. */
  kill: () => Promise<void>;
}

function launch(args: string[]) {
  const child = spawn(process.execPath, [...nodeProgramArgs('mocks/server.ts'), '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Starts the server with `args` (after `--port 0`) and resolves once it listens. */
export function startServerProcess(args: string[], timeoutMs = 60_000): Promise<ServerProcess> {
  const { child, output } = launch(args);
  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`the server did not start within ${timeoutMs} ms: ${output()}`));
    }, timeoutMs);
    const onData = () => {
      const match = /on (http:\/\/[\d.]+:\d+)\/api\/programs/.exec(output());
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({ child, base: match[1], output, kill });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output()}`));
    });
  });
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export function serverExit(args: string[]): Promise<{ code: number | null; output: string }> {
  const { child, output } = launch(args);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output: output() })));
}
