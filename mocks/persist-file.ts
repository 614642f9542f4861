/**
 * The standalone server's data file. Writes are atomic (temporary file, fsync, rename), so a crash
 * never leaves a half-written file; a corrupt or unreadable file is reported and left untouched.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SimState } from './sim/model';

export class DataFileError extends Error {}

export function readDataFile(path: string): SimState | undefined {
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(`Cannot read the data file ${path}: ${(error as Error).message}. It was left untouched.`);
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    throw new DataFileError(`The data file ${path} is not valid JSON (corrupt?). It was left untouched; move it away or pass another --data file.`);
  }
  if (!isState(state)) {
    throw new DataFileError(`The data file ${path} is not a simulator state (version 1). It was left untouched; move it away or pass another --data file.`);
  }
  return state;
}

function isState(value: unknown): value is SimState {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<SimState>;
  return s.version === 1 && Array.isArray(s.programs) && Array.isArray(s.pipelines) && Array.isArray(s.executions) && typeof s.now === 'number' && !!s.settings;
}

export function writeDataFile(path: string, state: SimState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
