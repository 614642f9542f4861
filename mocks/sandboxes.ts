/**
 * `--sandbox-per-key`: one world per API key, so a class of trainees or a CI matrix can share one
 * standalone server without seeing each other's runs.
 *
 * - The key of a request is its `x-api-key`, or its bearer access token when it has no key; a
 *   request with neither is refused (401 problem+json). `/_sim/sandboxes` (the list, reset,
 *   removal) needs no key.
 * - A sandbox is created from the seed on first use and named by a hash of its key (never the key
 *   itself: it is a credential). With a data directory, each is kept in `sandbox-<id>.json` there
 *   (with its archives, persist-file.ts) and `sandboxes.json` indexes them (created, last used);
 *   one idle for longer than the idle time is saved and dropped from memory, and read again on its
 *   next request (its clock catches up, as after a restart). Without a directory sandboxes live in
 *   memory only and are never evicted (that would lose them).
 * - Every sandbox has its own simulation controls, users' actions, journal and webhooks (what
 *   `/_sim/...` does with a key acts on that key's sandbox only).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataFile, DataFileError, writeAtomically } from './persist-file';
import { problem } from './api/problem';
import type { Simulator } from './sim/simulator';

/** One simulated Cloud Manager: what the server runs once, or once per sandbox. */
export interface World {
  simulator: Simulator;
  handle(request: Request): Promise<Response>;
  /** Saves the state as it is now (time-driven progress included), if it is kept in a file. */
  flush(): void;
  /** Starts its wall-clock timers (webhook deliveries). */
  start(): void;
  stop(): void;
}

export interface SandboxPoolOptions {
  /** The data directory; without it sandboxes live in memory only. */
  dir?: string;
  /** A sandbox unused for this long is saved and dropped from memory (with a directory). */
  idleMs: number;
  /** A world on `file` (read from it when it exists, else made from the seed). */
  createWorld(file: DataFile | undefined): World;
  wallClock?: () => number;
}

/** What `GET /_sim/sandboxes` says of one sandbox (never its key). */
export interface SandboxView {
  id: string;
  created: string;
  lastUsed: string;
  inMemory: boolean;
}

interface Sandbox {
  id: string;
  created: number;
  lastUsed: number;
  world?: World;
  /** Requests being answered: a sandbox is not evicted under them. */
  busy: number;
}

const INDEX = 'sandboxes.json';
const ID = /^[0-9a-f]{24}$/;
const FILE = /^sandbox-([0-9a-f]{24})\.json$/;

/** A sandbox's id: a hash of its key (the key itself never reaches a file name, a list or a log). */
export function sandboxId(key: string): string {
  return createHash('sha256').update(`cloud-manager-simulator sandbox\0${key}`).digest('hex').slice(0, 24);
}

/** The key a request names its sandbox by: its x-api-key, else its bearer access token. */
export function sandboxKey(request: Request): string | undefined {
  const apiKey = request.headers.get('x-api-key')?.trim();
  if (apiKey) return apiKey;
  return /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export class SandboxPool {
  private readonly sandboxes = new Map<string, Sandbox>();
  private readonly wall: () => number;
  private timer?: ReturnType<typeof setInterval>;
  private started = false;

  constructor(private readonly options: SandboxPoolOptions) {
    this.wall = options.wallClock ?? (() => Date.now());
    if (options.dir) this.readIndex(options.dir);
  }

  /** How many sandboxes there are, and how many are in memory. */
  get counts(): { total: number; inMemory: number } {
    let inMemory = 0;
    for (const sandbox of this.sandboxes.values()) if (sandbox.world) inMemory += 1;
    return { total: this.sandboxes.size, inMemory };
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const segments = url.pathname.split('/').filter(Boolean);
    if (segments[0] === '_sim' && segments[1] === 'sandboxes') return this.control(request, segments.slice(2));
    const key = sandboxKey(request);
    if (!key)
      return problem(
        401,
        'No sandbox key',
        'This server gives each API key its own sandbox (--sandbox-per-key): send x-api-key (or Authorization: Bearer <token>) with every request.',
      );
    const sandbox = this.sandboxOf(sandboxId(key));
    sandbox.busy += 1;
    try {
      return await this.load(sandbox).handle(request);
    } finally {
      sandbox.busy -= 1;
      sandbox.lastUsed = this.wall();
    }
  }

  list(): SandboxView[] {
    return [...this.sandboxes.values()]
      .sort((a, b) => a.created - b.created)
      .map((s) => ({
        id: s.id,
        created: new Date(s.created).toISOString(),
        lastUsed: new Date(s.lastUsed).toISOString(),
        inMemory: s.world !== undefined,
      }));
  }

  /** Back to the seed data (webhooks registered in it stay). */
  reset(id: string): boolean {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) return false;
    const world = this.load(sandbox);
    world.simulator.reset();
    sandbox.lastUsed = this.wall();
    return true;
  }

  /** Gone, files and all: the next request with its key creates it again from the seed. */
  remove(id: string): boolean {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) return false;
    sandbox.world?.stop();
    this.sandboxes.delete(id);
    const dir = this.options.dir;
    if (dir) {
      const prefix = `sandbox-${id}.json`;
      for (const name of readdirSync(dir)) if (name === prefix || name.startsWith(`${prefix}.`)) rmSync(join(dir, name), { force: true });
      this.writeIndex();
    }
    return true;
  }

  /** Saves and drops from memory every sandbox idle for longer than the idle time (only with a directory). */
  evictIdle(now = this.wall()): number {
    if (!this.options.dir) return 0;
    let evicted = 0;
    for (const sandbox of this.sandboxes.values()) {
      if (!sandbox.world || sandbox.busy > 0 || now - sandbox.lastUsed < this.options.idleMs) continue;
      sandbox.world.flush();
      sandbox.world.stop();
      sandbox.world = undefined;
      evicted += 1;
    }
    if (evicted) this.writeIndex();
    return evicted;
  }

  /** Starts the worlds' timers and the idle sweep (neither keeps the process alive). */
  start(): void {
    this.started = true;
    for (const sandbox of this.sandboxes.values()) sandbox.world?.start();
    const every = Math.max(1000, Math.min(30_000, this.options.idleMs / 4));
    this.timer ??= setInterval(() => this.evictIdle(), every);
    this.timer.unref?.();
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const sandbox of this.sandboxes.values()) sandbox.world?.stop();
  }

  /** Saves every sandbox in memory and the index. */
  flush(): void {
    for (const sandbox of this.sandboxes.values()) sandbox.world?.flush();
    this.writeIndex();
  }

  // ---------------------------------------------------------------- inside

  private control(request: Request, rest: string[]): Response {
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const notAllowed = () => problem(405, 'Method not allowed', `${request.method} is not allowed here.`);
    if (rest.length === 0) {
      if (method !== 'GET') return notAllowed();
      const key = sandboxKey(request);
      return json({
        sandboxes: this.list(),
        ...(key ? { yours: sandboxId(key) } : {}),
        idleSeconds: this.options.idleMs / 1000,
        persisted: this.options.dir !== undefined,
      });
    }
    const [id, action] = rest;
    const unknown = () => problem(404, 'Not found', `No sandbox ${id.slice(0, 40)}; GET /_sim/sandboxes lists them.`);
    if (!ID.test(id) || rest.length > 2 || (action !== undefined && action !== 'reset')) return unknown();
    if (action === 'reset') {
      if (method !== 'POST') return notAllowed();
      return this.reset(id) ? json(this.list().find((s) => s.id === id)) : unknown();
    }
    if (method !== 'DELETE') return notAllowed();
    return this.remove(id) ? new Response(null, { status: 204 }) : unknown();
  }

  /** The sandbox `id`, created from the seed when it is new. */
  private sandboxOf(id: string): Sandbox {
    let sandbox = this.sandboxes.get(id);
    if (!sandbox) {
      const now = this.wall();
      sandbox = { id, created: now, lastUsed: now, busy: 0 };
      this.sandboxes.set(id, sandbox);
      this.load(sandbox);
      this.writeIndex();
    }
    return sandbox;
  }

  private load(sandbox: Sandbox): World {
    if (sandbox.world) return sandbox.world;
    const dir = this.options.dir;
    const world = this.options.createWorld(dir ? new DataFile(join(dir, `sandbox-${sandbox.id}.json`)) : undefined);
    if (this.started) world.start();
    sandbox.world = world;
    return world;
  }

  private readIndex(dir: string): void {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, INDEX);
    if (existsSync(path)) {
      let index: { sandboxes?: { id: string; created: number; lastUsed: number }[] };
      try {
        index = JSON.parse(readFileSync(path, 'utf8')) as typeof index;
      } catch (error) {
        throw new DataFileError(`The sandbox index ${path} is not valid JSON (corrupt?). It was left untouched.`, { cause: error });
      }
      for (const s of index.sandboxes ?? [])
        if (ID.test(s.id)) this.sandboxes.set(s.id, { id: s.id, created: s.created, lastUsed: s.lastUsed, busy: 0 });
    }
    // A sandbox whose file was written but not yet indexed (a crash in between) is still listed.
    for (const name of readdirSync(dir)) {
      const id = FILE.exec(name)?.[1];
      if (!id || this.sandboxes.has(id)) continue;
      const time = statSync(join(dir, name)).mtimeMs;
      this.sandboxes.set(id, { id, created: time, lastUsed: time, busy: 0 });
    }
  }

  private writeIndex(): void {
    const dir = this.options.dir;
    if (!dir) return;
    const sandboxes = [...this.sandboxes.values()].map(({ id, created, lastUsed }) => ({ id, created, lastUsed }));
    writeAtomically(join(dir, INDEX), JSON.stringify({ version: 1, sandboxes }));
  }
}
