/**
 * The standalone server's data file. A crash never leaves a half-written state, and a corrupt or
 * unreadable file is reported and left untouched.
 *
 * Ended executions never change, so they are kept apart in an append-only archive
 * (`<data>.archive-<n>`, one JSON execution per line); the data file itself holds the rest of the
 * state, the active executions, the order of all execution ids and how many archive lines it relies
 * on. A change then writes a small file instead of the whole history (10,000 executions are
 * ~45 MB of JSON). Writes: archive lines are appended and fsynced first, then the data file is
 * replaced atomically (temporary file, fsync, rename), so a crash in between leaves the previous
 * data file, which ignores lines past its count. When most archive lines are no longer referenced
 * (after a reset), a new archive generation is written and the old one removed once the data file
 * points at the new one. A data file without an archive (the earlier format) is read as it is.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isActiveExecution } from './sim/engine';
import type { Execution, SimState } from './sim/model';
import { isSavedState, upgradeState } from './sim/migrate';

export class DataFileError extends Error {}

interface ArchiveRef {
  /** File name of the archive, next to the data file. */
  file: string;
  /** How many of its lines this data file relies on. */
  lines: number;
  /** Every execution id, in the state's order (oldest first). */
  order: string[];
}

type Snapshot = SimState & { archive?: ArchiveRef };

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(`Cannot read the data file ${path}: ${(error as Error).message}. It was left untouched.`, { cause: error });
  }
}

function writeAtomically(path: string, text: string): void {
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

const lineOf = (execution: Execution) => `${JSON.stringify(execution)}\n`;

/** One data file: read it once at start, then write after every change. */
export class DataFile {
  /** Execution objects already in the archive (ended executions never change). */
  private archived = new WeakSet<Execution>();
  private archive?: { file: string; generation: number; lines: number; bytes: number };

  constructor(readonly path: string) {}

  private archivePath(file: string): string {
    return join(dirname(this.path), file);
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
    const { archive, ...state } = snapshot as Snapshot;
    if (!archive) return this.upgraded(state);
    const path = this.archivePath(archive.file);
    const lines = readText(path).split('\n').slice(0, archive.lines);
    const byId = new Map<string, Execution>();
    let bytes = 0;
    try {
      for (const line of lines) {
        const execution = JSON.parse(line) as Execution;
        byId.set(execution.id, execution);
        bytes += Buffer.byteLength(line) + 1;
      }
    } catch (error) {
      throw new DataFileError(
        `The archive ${path} of the data file ${this.path} is corrupt. Both were left untouched; move them away or pass another --data file.`,
        { cause: error },
      );
    }
    if (lines.length < archive.lines)
      throw new DataFileError(`The archive ${path} of the data file ${this.path} is incomplete. Both were left untouched.`);
    const archivedObjects = new Set(byId.values());
    for (const execution of state.executions) byId.set(execution.id, execution);
    state.executions = archive.order.map((id) => {
      const execution = byId.get(id);
      if (!execution)
        throw new DataFileError(
          `Execution ${id} is missing from the archive ${path} of the data file ${this.path}. Both were left untouched.`,
        );
      if (archivedObjects.has(execution)) this.archived.add(execution);
      return execution;
    });
    const generation = Number(/-(\d+)$/.exec(archive.file)?.[1] ?? 1);
    this.archive = { file: archive.file, generation, lines: archive.lines, bytes };
    return this.upgraded(state);
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
    const stored = state.executions.filter((e) => this.archived.has(e)).length;
    const fresh = state.executions.filter((e) => !this.archived.has(e) && !isActiveExecution(e));
    const previous = this.archive;
    if (!previous || previous.lines - stored > Math.max(1000, stored)) this.startArchive(state);
    else if (fresh.length) this.append(fresh);
    const archive = this.archive!;
    const snapshot: Snapshot = {
      ...state,
      executions: state.executions.filter((e) => !this.archived.has(e)),
      archive: { file: archive.file, lines: archive.lines, order: state.executions.map((e) => e.id) },
    };
    writeAtomically(this.path, JSON.stringify(snapshot));
    if (previous && previous.file !== archive.file) rmSync(this.archivePath(previous.file), { force: true });
  }

  /** A new archive generation with every ended execution (first write, or compaction). */
  private startArchive(state: SimState): void {
    const generation = (this.archive?.generation ?? 0) + 1;
    const file = `${basename(this.path)}.archive-${generation}`;
    const ended = state.executions.filter((e) => !isActiveExecution(e));
    const text = ended.map(lineOf).join('');
    writeAtomically(this.archivePath(file), text);
    this.archived = new WeakSet(ended);
    this.archive = { file, generation, lines: ended.length, bytes: Buffer.byteLength(text) };
  }

  private append(executions: Execution[]): void {
    const archive = this.archive!;
    const text = executions.map(lineOf).join('');
    const fd = openSync(this.archivePath(archive.file), 'r+');
    try {
      // Drop whatever a crash left past the lines the data file relies on.
      ftruncateSync(fd, archive.bytes);
      writeSync(fd, text, archive.bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    for (const execution of executions) this.archived.add(execution);
    archive.lines += executions.length;
    archive.bytes += Buffer.byteLength(text);
  }
}
