/**
 * Saved states (localStorage in the browser, the standalone server's data file) of an earlier
 * shape, brought up to this one, so an upgrade carries on where it was instead of starting over.
 * Version 1 (before pipelines you configure): repositories had no branches, pipelines no variables.
 */
import { seedBranches } from './git';
import { STATE_VERSION, type SimState } from './model';

/** Whether `value` looks like a saved state of any version (the lists and the clock are there). */
export function isSavedState(value: unknown): value is { version: number } & Omit<SimState, 'version'> {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<Record<keyof SimState, unknown>>;
  return (
    typeof s.version === 'number' &&
    ['programs', 'environments', 'repositories', 'pipelines', 'executions'].every((list) => Array.isArray(s[list as keyof SimState])) &&
    typeof s.now === 'number' &&
    !!s.settings &&
    typeof s.settings === 'object'
  );
}

/** The state of the current version, or undefined when `value` is not a state this version can read. */
export function upgradeState(value: unknown): SimState | undefined {
  if (!isSavedState(value)) return undefined;
  if (value.version === STATE_VERSION) return value as SimState;
  if (value.version !== 1) return undefined;
  const state = value as unknown as SimState;
  for (const repository of state.repositories) repository.branches ??= seedBranches(repository.name.replace(/-site$/, ''));
  for (const pipeline of state.pipelines) pipeline.variables ??= [];
  state.version = STATE_VERSION;
  return state;
}
