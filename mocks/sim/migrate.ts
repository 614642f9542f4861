/**
 * Saved states (localStorage in the browser, the standalone server's data file) of an earlier
 * shape, brought up to this one, so an upgrade carries on where it was instead of starting over.
 * Version 1 (before pipelines you configure): repositories had no branches, pipelines no variables.
 * Version 2 (before environments' logs and variables): environments stored three log options and
 * had no preview, AEM release or variables; pipeline secrets kept their values (dropped now).
 * Version 3 (before users and events): no journal, and runs recorded who started them by id only.
 */
import { aemReleaseAt, serviceUrls } from './environments';
import { seedBranches } from './git';
import { DAY_MS, STATE_VERSION, type Environment, type SimState } from './model';
import { PREVIEW_TYPES, programHasPreview } from './seed';
import { emptyJournal } from './journal';
import { OPEN_USER, seedUser } from './users';

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
  if (!Number.isInteger(value.version) || value.version > STATE_VERSION || value.version < 1) return undefined;
  const state = value as unknown as SimState;
  const version = value.version;
  if (version < 2) fromVersion1(state);
  if (version < 3) fromVersion2(state);
  if (version < 4) fromVersion3(state);
  state.version = STATE_VERSION;
  return state;
}

function fromVersion1(state: SimState): void {
  for (const repository of state.repositories) repository.branches ??= seedBranches(repository.name.replace(/-site$/, ''));
  for (const pipeline of state.pipelines) pipeline.variables ??= [];
}

/**
 * Environments get preview (dev and prod environments of programs with Sites, as the seed makes
 * them; their log options follow from it and are no longer stored), an AEM release and no
 * variables; pipeline secrets lose their values.
 */
function fromVersion2(state: SimState): void {
  const programs = new Map(state.programs.map((p) => [p.id, p]));
  for (const environment of state.environments as (Environment & { availableLogOptions?: unknown })[]) {
    const program = programs.get(environment.programId);
    const preview =
      !!program && programHasPreview({ name: program.name, solutions: program.sim.solutions }) && PREVIEW_TYPES.includes(environment.type);
    delete environment.availableLogOptions;
    const { previewUrl } = serviceUrls(environment.programId, environment.id, preview);
    if (previewUrl) environment.previewUrl ??= previewUrl;
    environment.aemRelease ??= aemReleaseAt(state.now - 30 * DAY_MS, 19000 + (Number(environment.programId) % 1000));
    environment.variables ??= [];
    environment.sim ??= { updates: [] };
  }
  for (const pipeline of state.pipelines) {
    pipeline.variables = pipeline.variables.map(({ name, type, value }) =>
      type === 'secretString' || value === undefined ? { name, type } : { name, type, value },
    );
  }
}

/** The journal starts empty; a run started by a user gets `startedBy` from its `user` (a seeded user's name when it is one). */
function fromVersion3(state: SimState): void {
  state.journal ??= emptyJournal();
  for (const execution of state.executions) {
    if (!execution.user || execution.sim.startedBy) continue;
    const name = seedUser(execution.user)?.name ?? (execution.user === OPEN_USER.id ? OPEN_USER.name : execution.user);
    execution.sim.startedBy = { id: execution.user, name };
  }
}
