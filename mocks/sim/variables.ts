/**
 * Pipeline variables (the spec's `variables` link): `string` and `secretString` values handed to
 * the build. A secret's value is write-only: it is kept on the pipeline, never rendered, never
 * copied into an execution, never written to a log or an error message.
 */
import type { Simulation } from './engine';
import { DomainError } from './errors';
import type { Pipeline, PipelineVariable, RunVariable, VariableType } from './model';
import { checkIdle } from './pipeline-config';

export const VARIABLE_LIMITS = {
  /** Variables per pipeline, after a change is applied. */
  perPipeline: 200,
  nameMin: 2,
  nameMax: 100,
  /** Longest value of a `string` variable. */
  value: 2048,
  /** A `secretString` value must be shorter than this. */
  secretBelow: 500,
} as const;

/** Names the build environment keeps for itself (compared case-insensitively). */
const RESERVED_PREFIXES = ['INTERNAL_', 'ADOBE_', 'CONST_', 'CM_'] as const;

const NAME = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

/** One entry of a PATCH body (`PipelineVariableUpdate`): no value (or an empty one) deletes the variable. */
export interface VariableChange {
  name: string;
  value?: string;
  type?: VariableType;
}

/** Why `change` cannot be applied to a pipeline whose variables are `current`; [] when it can. */
function problemsOf(change: VariableChange, current: PipelineVariable | undefined): string[] {
  const { name, value, type } = change;
  const label = JSON.stringify(name.slice(0, VARIABLE_LIMITS.nameMax));
  const problems: string[] = [];
  if (name.length < VARIABLE_LIMITS.nameMin || name.length > VARIABLE_LIMITS.nameMax)
    problems.push(`${label}: a name has ${VARIABLE_LIMITS.nameMin} to ${VARIABLE_LIMITS.nameMax} characters`);
  if (!NAME.test(name)) problems.push(`${label}: a name has only letters, digits and "_", and does not start with a digit`);
  const reserved = RESERVED_PREFIXES.find((prefix) => name.toUpperCase().startsWith(prefix));
  if (reserved) problems.push(`${label}: names starting with ${reserved} are reserved`);
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
 * Applies a PATCH of variables: each change creates, updates or (without a value) deletes one
 * variable. Refused as a whole (400, each bad variable named) or while the pipeline runs (412).
 */
export function patchVariables(sim: Simulation, pipeline: Pipeline, changes: VariableChange[], now: number): void {
  checkIdle(sim, pipeline, now);
  const problems: string[] = [];
  const seen = new Set<string>();
  const next = new Map(pipeline.variables.map((v) => [v.name, v]));
  for (const change of changes) {
    if (seen.has(change.name)) problems.push(`${JSON.stringify(change.name.slice(0, VARIABLE_LIMITS.nameMax))}: listed more than once`);
    seen.add(change.name);
    const current = next.get(change.name);
    problems.push(...problemsOf(change, current));
    if (change.value === undefined || change.value === '') next.delete(change.name);
    else next.set(change.name, { name: change.name, type: change.type ?? current?.type ?? 'string', value: change.value });
  }
  if (next.size > VARIABLE_LIMITS.perPipeline)
    problems.push(`a pipeline has at most ${VARIABLE_LIMITS.perPipeline} variables (this change would make ${next.size})`);
  if (problems.length)
    throw new DomainError('invalid', 'Invalid variables', `No variable was changed: ${problems.length} problem(s).`, problems);
  pipeline.variables = [...next.values()];
  pipeline.updatedAt = now;
}

/** The variables a run receives: the values of strings, only the names of secrets. */
export function runVariables(variables: readonly PipelineVariable[]): RunVariable[] {
  return variables.map(({ name, type, value }) => (type === 'secretString' ? { name, type } : { name, type, value }));
}
