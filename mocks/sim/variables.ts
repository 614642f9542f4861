/**
 * Variables of pipelines and environments (the spec's `variables` links): `string` and
 * `secretString` values. A secret's value is write-only: it is checked when it is set and then
 * dropped — never stored, never rendered, never copied into an execution, a log or an error message.
 * An environment variable may be limited to one service (`author`, `publish`, `preview`); it is
 * identified by its name and its service, so a name may exist once per service.
 */
import type { Simulation } from './engine';
import { DomainError } from './errors';
import type { EnvironmentVariable, Pipeline, PipelineVariable, RunVariable, VariableService, VariableType } from './model';
import { checkIdle } from './pipeline-config';

export const VARIABLE_LIMITS = {
  /** Variables per pipeline or environment, after a change is applied. */
  perOwner: 200,
  nameMin: 2,
  nameMax: 100,
  /** Longest value of a `string` variable. */
  value: 2048,
  /** A `secretString` value must be shorter than this. */
  secretBelow: 500,
} as const;

/** The services an environment variable can name (the spec's `Variable.service`, case-sensitive). */
export const VARIABLE_SERVICES: readonly VariableService[] = ['author', 'publish', 'preview'];

/** Names the build and run environments keep for themselves (compared case-insensitively). */
const RESERVED_PREFIXES = ['INTERNAL_', 'ADOBE_', 'CONST_', 'CM_'] as const;

const NAME = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

/** One entry of a PATCH body (`PipelineVariableUpdate`, `EnvironmentVariableUpdate`): no value (or an empty one) deletes the variable. */
export interface VariableChange {
  name: string;
  value?: string;
  type?: VariableType;
  /** Environment variables: the service it applies to (none: every service). */
  service?: VariableService;
}

/** Who owns the variables, and the services a variable of theirs may name (none for a pipeline). */
export interface VariableOwner {
  kind: 'pipeline' | 'environment';
  services: readonly VariableService[];
}

/** A variable's identity: its name and (environment variables) its service. */
export type VariableKey = Pick<EnvironmentVariable, 'name' | 'service'>;

const keyOf = (v: VariableKey) => `${v.name}\u0000${v.service ?? ''}`;

/** `"NAME"`, or `"NAME" (publish)` for a variable of one service. */
export function variableLabel(v: VariableKey): string {
  return `${JSON.stringify(v.name.slice(0, VARIABLE_LIMITS.nameMax))}${v.service ? ` (${v.service})` : ''}`;
}

/** Why `change` cannot be applied when the variable it names is `current`; [] when it can. */
function problemsOf(change: VariableChange, current: EnvironmentVariable | undefined, owner: VariableOwner): string[] {
  const { name, value, type, service } = change;
  const label = variableLabel(change);
  const problems: string[] = [];
  if (name.length < VARIABLE_LIMITS.nameMin || name.length > VARIABLE_LIMITS.nameMax)
    problems.push(`${label}: a name has ${VARIABLE_LIMITS.nameMin} to ${VARIABLE_LIMITS.nameMax} characters`);
  if (!NAME.test(name)) problems.push(`${label}: a name has only letters, digits and "_", and does not start with a digit`);
  const reserved = RESERVED_PREFIXES.find((prefix) => name.toUpperCase().startsWith(prefix));
  if (reserved) problems.push(`${label}: names starting with ${reserved} are reserved`);
  if (service !== undefined && !owner.services.includes(service))
    problems.push(
      owner.kind === 'pipeline'
        ? `${label}: a pipeline variable applies to the whole build (no service)`
        : `${label}: this environment has no ${service} service (services: ${owner.services.join(', ')})`,
    );
  if (value === undefined || value === '') return problems;
  const effective = type ?? current?.type ?? 'string';
  if (current && type && type !== current.type)
    problems.push(`${label}: the type of a variable cannot change (${current.type} to ${type}): delete and recreate it`);
  if (effective === 'secretString' && value.length >= VARIABLE_LIMITS.secretBelow)
    problems.push(`${label}: a secretString value must be shorter than ${VARIABLE_LIMITS.secretBelow} characters`);
  else if (value.length > VARIABLE_LIMITS.value) problems.push(`${label}: a value has at most ${VARIABLE_LIMITS.value} characters`);
  return problems;
}

/**
 * The variables after a PATCH: each change creates, updates or (without a value) deletes one
 * variable; a secret is kept without its value. Refused as a whole (`invalid`, each bad variable
 * named); `changed` lists the variables the PATCH touched.
 */
export function applyVariableChanges(
  variables: readonly EnvironmentVariable[],
  changes: readonly VariableChange[],
  owner: VariableOwner,
): { variables: EnvironmentVariable[]; changed: VariableKey[] } {
  const problems: string[] = [];
  const seen = new Set<string>();
  const next = new Map(variables.map((v) => [keyOf(v), v]));
  const changed: VariableKey[] = [];
  for (const change of changes) {
    const key = keyOf(change);
    if (seen.has(key)) problems.push(`${variableLabel(change)}: listed more than once`);
    seen.add(key);
    const current = next.get(key);
    problems.push(...problemsOf(change, current, owner));
    const identity: VariableKey = { name: change.name, ...(change.service ? { service: change.service } : {}) };
    changed.push(identity);
    if (change.value === undefined || change.value === '') {
      next.delete(key);
      continue;
    }
    const type = change.type ?? current?.type ?? 'string';
    next.set(key, { ...identity, type, ...(type === 'secretString' ? {} : { value: change.value }) });
  }
  if (next.size > VARIABLE_LIMITS.perOwner)
    problems.push(`a ${owner.kind} has at most ${VARIABLE_LIMITS.perOwner} variables (this change would make ${next.size})`);
  if (problems.length)
    throw new DomainError('invalid', 'Invalid variables', `No variable was changed: ${problems.length} problem(s).`, problems);
  return { variables: [...next.values()], changed };
}

const PIPELINE_OWNER: VariableOwner = { kind: 'pipeline', services: [] };

/**
 * Applies a PATCH of a pipeline's variables. Refused as a whole (400, each bad variable named) or
 * while the pipeline runs (412).
 */
export function patchVariables(sim: Simulation, pipeline: Pipeline, changes: VariableChange[], now: number): void {
  checkIdle(sim, pipeline, now);
  pipeline.variables = applyVariableChanges(pipeline.variables, changes, PIPELINE_OWNER).variables.map(
    ({ name, type, value }): PipelineVariable => (value === undefined ? { name, type } : { name, type, value }),
  );
  pipeline.updatedAt = now;
}

/** The variables a run receives: the values of strings, only the names of secrets. */
export function runVariables(variables: readonly PipelineVariable[]): RunVariable[] {
  return variables.map(({ name, type, value }) =>
    type === 'secretString' || value === undefined ? { name, type } : { name, type, value },
  );
}
