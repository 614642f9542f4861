/**
 * The standalone simulated Cloud Manager API over real HTTP, for curl, scripts, CLI clients and
 * several browser tabs:
 *
 *   npm run api -- --port 8787 --speed 30 --data .sim-data/state.json --seed 1 [--require-auth]
 *     [--users users.json] [--events-webhook http://127.0.0.1:9999/webhook --events-secret s3cret]
 *     [--sandbox-per-key --data .sim-data/sandboxes --sandbox-idle 600]
 *
 * State lives in the data file (written after every change, before the answer; see persist-file.ts);
 * a restart with the same file carries on, catching up from the wall clock. Webhooks and their
 * pending deliveries are kept in it too (mocks/events).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createApi, MAX_BODY_BYTES } from './api/app';
import { openAccess, parseUsersFile, tokenAccess, type Access } from './api/identity';
import { webhookUrlProblem } from './api/routes/webhooks';
import { WebhookDispatcher, type DeliveryPolicy } from './events/dispatcher';
import { PROBLEM_TYPE } from './api/problem';
import { content } from './sim/content';
import { Simulator } from './sim/simulator';
import { DataFile, DataFileError } from './persist-file';
import { DEFAULT_SPEED, MAX_SPEED } from './sim/clock';
import type { PopulateRequest } from './sim/populate';
import { parsePopulate } from './api/routes/controls';
import { SandboxPool, type World } from './sandboxes';
import { parseScenario, type Scenario } from './sim/scenario';

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, PUT, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, accept, range, x-api-key, x-gw-ims-org-id, x-sim-user',
  'access-control-expose-headers': 'location, content-range, x-request-id',
};

export interface ServerOptions {
  port: number;
  host: string;
  speed?: number;
  seed: number;
  data?: string;
  requireAuth: boolean;
  /** Scale data added at start (`--populate programs=1000,executions=10000`). */
  populate?: PopulateRequest;
  /** `--users <file>`: access tokens → users with roles (without it: one user with every permission). */
  users?: string;
  /** `--events-webhook <url>` and `--events-secret <secret>`: a webhook registered at start. */
  eventsWebhook?: { url: string; secret: string };
  /** How deliveries are retried (tests make it quicker). */
  delivery?: Partial<DeliveryPolicy>;
  /** `--help`: print the flags instead of starting (the other fields are then meaningless). */
  help?: boolean;
  // ---- scenarios (issue 16)
  /** `--scenario <file>`: the world, script and quirks to start with (docs/scenarios.md). */
  scenario?: string;
  // --- sandboxes (`--sandbox-per-key`, mocks/sandboxes.ts) ---
  /** One world per x-api-key (or bearer token); `data` is then a directory. */
  sandboxPerKey?: boolean;
  /** `--sandbox-idle <seconds>`: a sandbox unused this long is saved and dropped from memory. */
  sandboxIdleSeconds?: number;
}

/** How long a sandbox stays in memory unused (`--sandbox-idle`), in seconds. */
export const DEFAULT_SANDBOX_IDLE_SECONDS = 600;

/** The flags `npm run api` (and the packaged `cloud-manager-simulator`) accepts; `--help` lists them. */
export const SERVER_FLAGS = {
  port: { type: 'string', default: '8787' },
  host: { type: 'string', default: '127.0.0.1' },
  speed: { type: 'string' },
  seed: { type: 'string', default: '1' },
  data: { type: 'string' },
  'require-auth': { type: 'boolean', default: false },
  populate: { type: 'string' },
  users: { type: 'string' },
  'events-webhook': { type: 'string' },
  'events-secret': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  // ---- scenarios (issue 16)
  scenario: { type: 'string' },
  // --- sandboxes ---
  'sandbox-per-key': { type: 'boolean', default: false },
  'sandbox-idle': { type: 'string' },
} as const;

/** What `--help` prints: every flag of SERVER_FLAGS, its default and what it does. */
export function serverUsage(command = 'npm run api --'): string {
  return `Usage: ${command} [flags]
The simulated Cloud Manager API over HTTP (HAL+JSON under /api, simulator controls under /_sim).

  --port <n>            port to listen on; 0 picks a free one (default 8787)
  --host <address>      address to listen on (default 127.0.0.1)
  --speed <n>           how many times faster than the wall clock simulated time runs, up to
                        ${MAX_SPEED} (default ${DEFAULT_SPEED}; with --data, the saved speed unless given)
  --seed <n>            seed of the generated data, logs and metrics (default 1)
  --data <file>         keep the state in this file (written after every change); a restart with
                        the same file carries on. Without it the state lives in memory only
  --require-auth        answer 401/403 like Adobe's gateway when x-api-key, x-gw-ims-org-id or
                        Authorization: Bearer is missing
  --users <file>        users and their roles, chosen by their access token (Authorization:
                        Bearer): {"users": [{"id", "name", "email", "roles": ["DEVELOPER"], "token"}]};
                        an unknown token is a 401. Without it one user has every permission
  --events-webhook <url>
                        deliver Cloud Manager events to this URL (it must answer the challenge
                        GET <url>?challenge=<value> with the value); needs --events-secret
  --events-secret <secret>
                        the secret deliveries are signed with (x-adobe-signature)
  --populate programs=<n>,executions=<n>
                        add scale data at start, like POST /_sim/populate
  --scenario <file>     start from this scenario (JSON; docs/scenarios.md): its programs, clock,
                        script of the next runs and API quirks; refused with every problem listed
  -h, --help            print this and exit

Sandboxes (one server shared by several people or CI jobs):
  --sandbox-per-key     each x-api-key (or bearer access token when there is no key) gets its own
                        world, created from the seed on first use; a request with neither is a 401.
                        --data is then a directory holding one file per sandbox. GET
                        /_sim/sandboxes lists them, POST /_sim/sandboxes/<id>/reset resets one,
                        DELETE /_sim/sandboxes/<id> removes one
  --sandbox-idle <seconds>
                        with --sandbox-per-key and --data: a sandbox unused this long is saved and
                        dropped from memory, read again on its next request (default ${DEFAULT_SANDBOX_IDLE_SECONDS})`;
}

export function parseServerArgs(argv: string[]): ServerOptions {
  const { values } = parseArgs({ args: argv, options: SERVER_FLAGS, strict: true });
  if (values.help) return { port: 0, host: '', seed: 0, requireAuth: false, help: true };
  const port = Number(values.port);
  const seed = Number(values.seed);
  const speed = values.speed === undefined ? undefined : Number(values.speed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, not "${values.seed}"`);
  if (speed !== undefined && !(speed > 0 && speed <= MAX_SPEED))
    throw new Error(`--speed must be a positive number up to ${MAX_SPEED}, not "${values.speed}"`);
  const populate = values.populate === undefined ? undefined : parsePopulateFlag(values.populate);
  const webhook = values['events-webhook'];
  const secret = values['events-secret'];
  if ((webhook === undefined) !== (secret === undefined)) throw new Error('--events-webhook and --events-secret go together');
  const urlProblem = webhook === undefined ? undefined : webhookUrlProblem(webhook);
  if (urlProblem) throw new Error(`--events-webhook: ${urlProblem}`);
  if (secret !== undefined && (secret.length < 1 || secret.length > 512)) throw new Error('--events-secret must be 1 to 512 characters');
  return {
    port,
    host: values.host as string,
    speed,
    seed,
    data: values.data,
    requireAuth: values['require-auth'] as boolean,
    populate,
    users: values.users,
    eventsWebhook: webhook === undefined || secret === undefined ? undefined : { url: webhook, secret },
    ...parseSandboxFlags(values),
    // ---- scenarios (issue 16)
    scenario: values.scenario,
  };
}

// ---- scenarios (issue 16)
/** The scenario in `file`, checked; throws listing every problem (file, JSON path, what was expected). */
export function scenarioFrom(file: string): { scenario: Scenario; source: unknown } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`--scenario ${file}: cannot read it (${(error as Error).message})`, { cause: error });
  }
  const result = parseScenario(text);
  if (result.problems) {
    const count = `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`;
    throw new Error(`--scenario ${file}: ${count}, nothing was started:\n${result.problems.map((p) => `  ${file}: ${p}`).join('\n')}\n`);
  }
  return { scenario: result.scenario, source: JSON.parse(text) as unknown };
}

/** The sandbox flags (`--sandbox-per-key`, `--sandbox-idle`); throws naming a wrong combination. */
function parseSandboxFlags(values: {
  'sandbox-per-key'?: boolean;
  'sandbox-idle'?: string;
  data?: string;
  'events-webhook'?: string;
}): Pick<ServerOptions, 'sandboxPerKey' | 'sandboxIdleSeconds'> {
  const perKey = values['sandbox-per-key'] === true;
  const idleText = values['sandbox-idle'];
  if (!perKey) {
    if (idleText !== undefined) throw new Error('--sandbox-idle goes with --sandbox-per-key');
    return {};
  }
  const idle = idleText === undefined ? DEFAULT_SANDBOX_IDLE_SECONDS : Number(idleText);
  if (!(idle > 0 && idle <= 86_400 * 365)) throw new Error(`--sandbox-idle must be a positive number of seconds, not "${idleText}"`);
  if (values['events-webhook'] !== undefined)
    throw new Error('--events-webhook cannot go with --sandbox-per-key: register a webhook in each sandbox with POST /_sim/webhooks');
  if (values.data !== undefined && existsSync(values.data) && !statSync(values.data).isDirectory())
    throw new Error(`--data ${values.data} is a file: with --sandbox-per-key, --data names a directory (one file per sandbox)`);
  return { sandboxPerKey: true, sandboxIdleSeconds: idle };
}

// ---- scenarios (issue 16)
const scenarioNote = (simulator: Simulator) => (simulator.state.scenario?.name ? `, scenario ${simulator.state.scenario.name}` : '');

/** The start line's words for sandbox mode. */
const sandboxNote = (options: ServerOptions) =>
  options.sandboxPerKey ? `, a sandbox per key (idle ${options.sandboxIdleSeconds ?? DEFAULT_SANDBOX_IDLE_SECONDS} s)` : '';

/** The access of `--users <file>` (tokens → users), or one user with every permission without it; throws naming a problem of the file. */
export function accessFrom(usersFile: string | undefined): Access {
  if (usersFile === undefined) return openAccess();
  let text: string;
  try {
    text = readFileSync(usersFile, 'utf8');
  } catch (error) {
    throw new Error(`--users ${usersFile}: cannot read it (${(error as Error).message})`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`--users ${usersFile}: not valid JSON`);
  }
  try {
    return tokenAccess(parseUsersFile(value));
  } catch (error) {
    throw new Error(`--users ${usersFile}: ${(error as Error).message}`, { cause: error });
  }
}

/** Parses `--populate programs=1000,executions=10000` (the same limits as POST /_sim/populate). */
export function parsePopulateFlag(text: string): PopulateRequest {
  const body: Record<string, number> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const match = /^(\w+)=(\d{1,9})$/.exec(part.trim());
    if (!match) throw new Error(`--populate expects programs=<n>,executions=<n>, not "${text}"`);
    body[match[1]] = Number(match[2]);
  }
  try {
    return parsePopulate(body);
  } catch (error) {
    throw new Error(`--populate: ${(error as Error).message}`, { cause: error });
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** One world: a simulator on `file` (carrying on from it when it exists), its webhooks and its API. */
function openWorld(
  options: ServerOptions,
  access: Access,
  file: DataFile | undefined,
  origin: () => string,
  scenario?: { scenario: Scenario; source: unknown },
): World & { webhooks: WebhookDispatcher } {
  const state = file?.read();
  const simulator = new Simulator({
    seed: options.seed,
    state,
    content,
    speed: state ? options.speed : (options.speed ?? DEFAULT_SPEED),
    onChange: file ? (s) => file.write(s) : undefined,
  });
  const webhooks = new WebhookDispatcher(simulator, {
    origin,
    persist: () => file?.write(simulator.state),
    saved: file?.section('webhooks'),
    policy: options.delivery,
  });
  file?.keepSection('webhooks', () => webhooks.section());
  // ---- scenarios (issue 16): a scenario is a start, so it replaces a saved state (a sandbox read
  // back from its file carries on: the scenario made it when it was new)
  if (scenario && (state === undefined || !options.sandboxPerKey)) {
    simulator.loadScenario(scenario.scenario, scenario.source);
    if (options.speed !== undefined) simulator.setSpeed(options.speed);
  }
  if (options.populate) simulator.populate(options.populate);
  else file?.write(simulator.state);
  const api = createApi(simulator, { requireAuth: options.requireAuth, access, webhooks });
  return {
    simulator,
    webhooks,
    handle: (request) => api.handle(request),
    flush: () => {
      simulator.now();
      file?.write(simulator.state);
    },
    start: () => webhooks.start(),
    stop: () => webhooks.stop(),
  };
}

export function startServer(options: ServerOptions) {
  const access = accessFrom(options.users);
  // ---- scenarios (issue 16): checked before anything is read or written
  const scenario = options.scenario === undefined ? undefined : scenarioFrom(options.scenario);
  /** Where the server listens, once it does: events name their objects by absolute URLs on it. */
  let origin = `http://${options.host}:${options.port}`;
  const originNow = () => origin;
  const sandboxes = options.sandboxPerKey
    ? new SandboxPool({
        dir: options.data,
        idleMs: (options.sandboxIdleSeconds ?? DEFAULT_SANDBOX_IDLE_SECONDS) * 1000,
        createWorld: (file) => openWorld(options, access, file, originNow, scenario),
      })
    : undefined;
  const world = sandboxes
    ? undefined
    : openWorld(options, access, options.data ? new DataFile(options.data) : undefined, originNow, scenario);
  const served = (sandboxes ?? world)!;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS).end();
        return;
      }
      const url = `http://${req.headers.host ?? `${options.host}:${options.port}`}${req.url ?? '/'}`;
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const body = hasBody ? await readBody(req) : undefined;
      if (body === 'too-large') {
        res.writeHead(413, { ...CORS_HEADERS, 'content-type': 'application/problem+json' });
        res.end(
          JSON.stringify({
            type: PROBLEM_TYPE,
            title: 'Request body too large',
            status: 413,
            detail: `Bodies are limited to ${MAX_BODY_BYTES} bytes.`,
          }),
        );
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
        else if (Array.isArray(value)) headers.set(name, value.join(', '));
      }
      const request = new Request(url, { method: req.method, headers, body: body && body.length ? new Uint8Array(body) : undefined });
      const response = await served.handle(request);
      const out: Record<string, string> = { ...CORS_HEADERS };
      response.headers.forEach((value, name) => {
        out[name] = value;
      });
      const payload = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
      res.writeHead(response.status, out);
      res.end(req.method === 'HEAD' ? undefined : payload);
    } catch (error) {
      if (!res.headersSent) res.writeHead(400, { ...CORS_HEADERS, 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: PROBLEM_TYPE, title: 'Bad request', status: 400, detail: (error as Error).message }));
    }
  });
  // Malformed HTTP (a bad request line, a body without a length…): a problem+json answer, not Node's bare 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      type: PROBLEM_TYPE,
      title: tooLarge ? 'Request headers too large' : 'Malformed HTTP request',
      status,
      detail: 'The request could not be parsed as HTTP/1.1.',
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.keepAliveTimeout = 30_000;
  server.on('listening', () => {
    const address = server.address() as AddressInfo;
    const host = ['0.0.0.0', '::'].includes(address.address) ? '127.0.0.1' : address.address;
    origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    served.start();
  });
  server.on('close', () => served.stop());
  /** Writes the state as it is now (time-driven progress included) to the data file(s), if any. */
  const flush = () => served.flush();
  return { server, flush, world, sandboxes };
}

/**
 * Stops the server on SIGTERM and SIGINT, promptly: the state is saved first, then the server
 * stops listening and closes its connections — idle keep-alive ones at once, and after `graceMs`
 * every other one too (a browser's pre-opened connection that never sends a request would
 * otherwise hold the process for minutes).
 */
export function stopOnSignals(server: Server, flush: () => void, graceMs = 500): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    try {
      flush();
    } catch (error) {
      console.error(`[simulator] could not save the state before stopping: ${(error as Error).message}`);
    }
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * The command line: parses `argv`, prints the flags for `--help`, else starts the server, prints its
 * URL and stops on SIGTERM/SIGINT; exits 2 with one line when it cannot start. `command` and
 * `footer` shape the help text (the packaged bin passes its own name and its subcommands).
 */
export async function runServerCli(argv: string[], usage: { command?: string; footer?: string } = {}): Promise<void> {
  try {
    const options = parseServerArgs(argv);
    if (options.help) {
      console.log(usage.footer ? `${serverUsage(usage.command)}\n\n${usage.footer}` : serverUsage(usage.command));
      return;
    }
    const { server, world, flush } = startServer(options);
    if (options.eventsWebhook && world) {
      try {
        await world.webhooks.registerAtStart(options.eventsWebhook.url, options.eventsWebhook.secret);
      } catch (error) {
        throw new Error(`--events-webhook: ${(error as Error).message}`, { cause: error });
      }
    }
    // A port in use or an address this machine does not have: one line and exit 2, like a bad flag.
    const refused = (error: NodeJS.ErrnoException) => {
      console.error(`cannot start the simulator: ${error.code === 'EADDRINUSE' ? `port ${options.port} is in use` : error.message}`);
      process.exit(2);
    };
    server.once('error', refused);
    server.listen(options.port, options.host, () => {
      server.off('error', refused);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const speed = world ? world.simulator.state.settings.speed : (options.speed ?? DEFAULT_SPEED);
      console.log(
        `Simulated Cloud Manager API on http://${options.host}:${port}/api/programs (speed ${speed}, seed ${world?.simulator.state.seed ?? options.seed}${options.data ? `, data ${options.data}` : ', in memory'}${sandboxNote(options)}${options.requireAuth ? ', headers required' : ''}${options.users ? `, users ${options.users}` : ''}${options.eventsWebhook ? `, events to ${options.eventsWebhook.url}` : ''}${world ? scenarioNote(world.simulator) : ''})`,
      );
    });
    stopOnSignals(server, flush);
  } catch (error) {
    console.error(error instanceof DataFileError ? error.message : `cannot start the simulator: ${(error as Error).message} (see --help)`);
    process.exit(2);
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() as string);
if (isMain) void runServerCli(process.argv.slice(2));
