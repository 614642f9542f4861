/**
 * The standalone server's data file. A crash never leaves a half-written state, and a corrupt or
 * unreadable file is reported and left untouched.
 *
 * What never changes once written is kept apart in append-only archives next to the data file, one
 * JSON value per line: ended executions (`<data>.archive-<n>`) and journal entries
 * (`<data>.events-<n>`). The data file itself holds the rest of the state (the active executions,
 * the order of all execution ids, the journal's counter), how many lines of each archive it relies
 * on, and the sections other parts of the server keep in it (the webhooks and their pending
 * deliveries). A change then writes a small file instead of the whole history (10,000 executions
 * are ~45 MB of JSON; a full journal ~5 MB). Writes: archive lines are appended and fsynced first,
 * then the data file is replaced atomically (temporary file, fsync, rename), so a crash in between
 * leaves the previous data file, which ignores lines past its count. When most lines of an archive
 * are no longer referenced (after a reset, or entries the bounded journal dropped), a new
 * generation is written and the old one removed once the data file points at the new one. A data
 * file without archives (the earlier format) is read as it is.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isActiveExecution } from './sim/engine';
import type { JournalEntry } from './sim/journal';
import type { Execution, SimState } from './sim/model';
import { isSavedState, upgradeState } from './sim/migrate';

export class DataFileError extends Error {}

interface ArchiveRef {
  /** File name of the archive, next to the data file. */
  file: string;
  /** How many of its lines this data file relies on. */
  lines: number;
}

interface ExecutionsRef extends ArchiveRef {
  /** Every execution id, in the state's order (oldest first). */
  order: string[];
}

interface EventsRef extends ArchiveRef {
  /** The seq of the journal's oldest entry (lines before it are no longer part of the journal). */
  from: number;
}

type Snapshot = SimState & { archive?: ExecutionsRef; events?: EventsRef; sections?: Record<string, unknown> };

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(`Cannot read the data file ${path}: ${(error as Error).message}. It was left untouched.`, { cause: error });
  }
}

/** Writes `text` to `path` so that a crash leaves the old file or the new one, never half of one. */
export function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

const lineOf = (value: unknown) => `${JSON.stringify(value)}\n`;

/**
 * One append-only archive next to the data file (`<data>.<kind>-<generation>`): lines are appended
 * and fsynced, or a new generation is written whole; the data file says how many lines count.
 */
class LineArchive {
  private current?: { file: string; generation: number; lines: number; bytes: number };

  constructor(
    private readonly dataPath: string,
    private readonly kind: string,
  ) {}

  private path(file: string): string {
    return join(dirname(this.dataPath), file);
  }

  get file(): string | undefined {
    return this.current?.file;
  }

  get lines(): number {
    return this.current?.lines ?? 0;
  }

  /** The values of the first `ref.lines` lines of `ref.file`; the archive then appends after them. */
  load<T>(ref: ArchiveRef): T[] {
    const path = this.path(ref.file);
    const lines = readText(path).split('\n').slice(0, ref.lines);
    const values: T[] = [];
    let bytes = 0;
    try {
      for (const line of lines) {
        values.push(JSON.parse(line) as T);
        bytes += Buffer.byteLength(line) + 1;
      }
    } catch (error) {
      throw new DataFileError(
        `The archive ${path} of the data file ${this.dataPath} is corrupt. Both were left untouched; move them away or pass another --data file.`,
        { cause: error },
      );
    }
    if (lines.length < ref.lines)
      throw new DataFileError(`The archive ${path} of the data file ${this.dataPath} is incomplete. Both were left untouched.`);
    const generation = Number(/-(\d+)$/.exec(ref.file)?.[1] ?? 1);
    this.current = { file: ref.file, generation, lines: ref.lines, bytes };
    return values;
  }

  /** A new generation holding `values`; returns the previous generation's file, to remove once the data file no longer names it. */
  rewrite(values: unknown[]): string | undefined {
    const previous = this.current?.file;
    const generation = (this.current?.generation ?? 0) + 1;
    const file = `${basename(this.dataPath)}.${this.kind}-${generation}`;
    const text = values.map(lineOf).join('');
    writeAtomically(this.path(file), text);
    this.current = { file, generation, lines: values.length, bytes: Buffer.byteLength(text) };
    return previous;
  }

  append(values: unknown[]): void {
    const current = this.current;
    if (!current || !values.length) return;
    const text = values.map(lineOf).join('');
    const fd = openSync(this.path(current.file), 'r+');
    try {
      // Drop whatever a crash left past the lines the data file relies on.
      ftruncateSync(fd, current.bytes);
      writeSync(fd, text, current.bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    current.lines += values.length;
    current.bytes += Buffer.byteLength(text);
  }

  remove(file: string | undefined): void {
    if (file && file !== this.current?.file) rmSync(this.path(file), { force: true });
  }
}

/** Whether an archive holding `stored` useful lines out of `lines` is worth writing again (mostly lines nobody reads). */
const mostlyStale = (lines: number, stored: number) => lines - stored > Math.max(1000, stored);

/** One data file: read it once at start, then write after every change. */
export class DataFile {
  /** Execution objects already in the archive (ended executions never change). */
  private archived = new WeakSet<Execution>();
  private readonly executionArchive: LineArchive;
  private readonly eventArchive: LineArchive;
  /** The seq of the last journal entry in the events archive. */
  private archivedSeq = 0;
  /** The sections read from the file (their owners take them at start). */
  private savedSections: Record<string, unknown> = {};
  /** What each section is now, asked at every write. */
  private readonly sections = new Map<string, () => unknown>();

  constructor(readonly path: string) {
    this.executionArchive = new LineArchive(path, 'archive');
    this.eventArchive = new LineArchive(path, 'events');
  }

  /** The section `name` as the file held it when read (undefined when it had none). */
  section(name: string): unknown {
    return this.savedSections[name];
  }

  /** Keeps `name` in the file from now on: `value()` is written with every change. */
  keepSection(name: string, value: () => unknown): void {
    this.sections.set(name, value);
  }

  read(): SimState | undefined {
    if (!existsSync(this.path)) return undefined;
    let snapshot: unknown;
    try {
      snapshot = JSON.parse(readText(this.path));
    } catch (error) {
      if (error instanceof DataFileError) throw error;
      throw new DataFileError(
        `The data file ${this.path} is not valid JSON (corrupt?). It was left untouched; move it away or pass another --data file.`,
        { cause: error },
      );
    }
    if (!isSavedState(snapshot)) throw this.notAState();
    const { archive, events, sections, ...state } = snapshot as Snapshot;
    this.savedSections = sections && typeof sections === 'object' ? sections : {};
    if (archive) state.executions = this.readExecutions(state.executions, archive);
    if (events && state.journal) {
      const entries = this.eventArchive.load<JournalEntry>(events);
      this.archivedSeq = entries.at(-1)?.seq ?? 0;
      state.journal.entries = [...entries.filter((e) => e.seq >= events.from), ...state.journal.entries];
    }
    return this.upgraded(state);
  }

  private readExecutions(active: Execution[], archive: ExecutionsRef): Execution[] {
    const byId = new Map<string, Execution>();
    for (const execution of this.executionArchive.load<Execution>(archive)) byId.set(execution.id, execution);
    const archivedObjects = new Set(byId.values());
    for (const execution of active) byId.set(execution.id, execution);
    return archive.order.map((id) => {
      const execution = byId.get(id);
      if (!execution)
        throw new DataFileError(
          `Execution ${id} is missing from the archive ${join(dirname(this.path), archive.file)} of the data file ${this.path}. Both were left untouched.`,
        );
      if (archivedObjects.has(execution)) this.archived.add(execution);
      return execution;
    });
  }

  /** The state in the current shape (an earlier version is upgraded; see sim/migrate.ts). */
  private upgraded(state: SimState): SimState {
    const upgraded = upgradeState(state);
    if (!upgraded) throw this.notAState();
    return upgraded;
  }

  private notAState(): DataFileError {
    return new DataFileError(
      `The data file ${this.path} is not a simulator state this version can read. It was left untouched; move it away or pass another --data file.`,
    );
  }

  write(state: SimState): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const stale = [this.writeExecutions(state), this.writeEvents(state)];
    const journal = state.journal;
    const snapshot: Snapshot = {
      ...state,
      executions: state.executions.filter((e) => !this.archived.has(e)),
      journal: { ...journal, entries: [] },
      archive: { file: this.executionArchive.file!, lines: this.executionArchive.lines, order: state.executions.map((e) => e.id) },
      events: { file: this.eventArchive.file!, lines: this.eventArchive.lines, from: journal.entries[0]?.seq ?? journal.nextSeq },
      sections: Object.fromEntries([...this.sections].map(([name, value]) => [name, value()])),
    };
    writeAtomically(this.path, JSON.stringify(snapshot));
    this.executionArchive.remove(stale[0]);
    this.eventArchive.remove(stale[1]);
  }

  /** Archives the executions that ended since the last write; returns a replaced generation's file. */
  private writeExecutions(state: SimState): string | undefined {
    const stored = state.executions.filter((e) => this.archived.has(e)).length;
    const ended = state.executions.filter((e) => !isActiveExecution(e));
    if (!this.executionArchive.file || mostlyStale(this.executionArchive.lines, stored)) {
      this.archived = new WeakSet(ended);
      return this.executionArchive.rewrite(ended);
    }
    const fresh = ended.filter((e) => !this.archived.has(e));
    this.executionArchive.append(fresh);
    for (const execution of fresh) this.archived.add(execution);
    return undefined;
  }

  /** Archives the journal entries made since the last write; returns a replaced generation's file. */
  private writeEvents(state: SimState): string | undefined {
    const { entries } = state.journal;
    const stored = entries.filter((e) => e.seq <= this.archivedSeq).length;
    this.archivedSeq = Math.max(this.archivedSeq, entries.at(-1)?.seq ?? 0);
    if (!this.eventArchive.file || mostlyStale(this.eventArchive.lines, stored)) return this.eventArchive.rewrite(entries);
    this.eventArchive.append(entries.slice(stored));
    return undefined;
  }
}
