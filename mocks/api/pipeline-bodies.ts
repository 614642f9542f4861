/**
 * Bodies of the pipeline operations → the engine's typed inputs: add (simulator extension) and
 * edit (`PipelineUpdate`) bodies, and variable PATCH bodies of pipelines and environments
 * (`PipelineVariableUpdate[]`, `EnvironmentVariableUpdate[]`). Only the shape is checked here —
 * JSON types, known fields, enum values; the rules (names, references, limits) are the engine's.
 * Every problem found is listed in the 400's `errors`.
 */
import {
  STEP_ACTIONS,
  type EnvironmentType,
  type ImportantMetricsBehavior,
  type PhaseType,
  type StepAction,
  type VariableType,
} from '../sim/model';
import type { PhaseInput, PipelineInput, StepInput, StepOptions } from '../sim/pipeline-config';
import { VARIABLE_LIMITS, VARIABLE_SERVICES, type VariableChange } from '../sim/variables';
import { HttpError } from './problem';

const TRIGGERS = ['MANUAL', 'ON_COMMIT'] as const;
const PHASE_TYPES: readonly PhaseType[] = ['VALIDATE', 'BUILD', 'DEPLOY'];
const ENVIRONMENT_TYPES: readonly EnvironmentType[] = ['dev', 'stage', 'prod', 'rde', 'preprod'];
const BEHAVIORS: readonly ImportantMetricsBehavior[] = ['ASK', 'FAIL', 'CONTINUE'];
const VARIABLE_TYPES: readonly VariableType[] = ['string', 'secretString'];
/** The step options the simulator reads, and the step each belongs to. */
const OPTION_STEPS: Record<keyof StepOptions, StepAction> = { importantMetricFailuresBehavior: 'codeQuality', pages: 'contentAudit' };

type Json = Record<string, unknown>;

/** Collects the problems of one body, each prefixed with where it is (`phases[1].steps[0].name`). */
class Reader {
  readonly problems: string[] = [];

  problem(path: string, message: string): undefined {
    this.problems.push(path ? `${path}: ${message}` : message);
    return undefined;
  }

  object(value: unknown, path: string, fields: readonly string[]): Json | undefined {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return this.problem(path, 'must be a JSON object');
    for (const key of Object.keys(value)) {
      if (!fields.includes(key)) this.problem(path, `unknown field ${JSON.stringify(key.slice(0, 40))} (known: ${fields.join(', ')})`);
    }
    return value as Json;
  }

  string(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : this.problem(path, 'must be a string');
  }

  /** An id: a string (or a whole number, read as its decimal string). */
  id(value: unknown, path: string): string | undefined {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
    return this.string(value, path);
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if ((allowed as readonly unknown[]).includes(value)) return value as T;
    return this.problem(path, `must be one of ${allowed.join(', ')}`);
  }

  array(value: unknown, path: string, max: number): unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.problem(path, 'must be an array');
    if (value.length > max) return this.problem(path, `has at most ${max} items`);
    return value;
  }

  /** Throws the 400 when any problem was found. */
  done<T>(value: T, what: string): T {
    if (this.problems.length)
      throw new HttpError(
        400,
        'Invalid request body',
        `${what}: ${this.problems.length} problem${this.problems.length === 1 ? '' : 's'}.`,
        this.problems,
      );
    return value;
  }
}

function requireBody(body: unknown, expected: string): void {
  if (body === undefined) throw new HttpError(400, 'Invalid request body', `A JSON body is required: ${expected}.`);
}

/**
 * An add body (`{name, trigger, phases}`, the shape of a Pipeline) or an edit body
 * (`PipelineUpdate`: phases, plus the extensions name and trigger).
 */
export function pipelineInputFrom(body: unknown, mode: 'add' | 'edit'): PipelineInput {
  requireBody(body, mode === 'add' ? '{"name", "trigger", "phases": […]}' : 'a PipelineUpdate {"phases": […]}');
  const read = new Reader();
  const top = read.object(body, '', mode === 'add' ? ['name', 'trigger', 'phases', 'type'] : ['name', 'trigger', 'phases']);
  if (!top) return read.done({}, 'Not a pipeline');
  if (mode === 'add' && top.name === undefined) read.problem('name', 'is required');
  if (mode === 'add' && top.phases === undefined) read.problem('phases', 'is required');
  if (top.type !== undefined && top.type !== 'CI_CD') read.problem('type', 'must be CI_CD');
  const input: PipelineInput = {
    name: read.string(top.name, 'name'),
    trigger: read.oneOf(top.trigger, 'trigger', TRIGGERS),
    phases: read.array(top.phases, 'phases', 10)?.map((phase, i) => phaseFrom(read, phase, `phases[${i}]`)),
  };
  return read.done(input, mode === 'add' ? 'The pipeline was not created' : 'The pipeline was not changed');
}

const PHASE_FIELDS = ['name', 'type', 'repositoryId', 'branch', 'environmentId', 'environmentType', 'steps'];

function phaseFrom(read: Reader, value: unknown, path: string): PhaseInput {
  const phase = read.object(value, path, PHASE_FIELDS) ?? {};
  const type = phase.type === undefined ? read.problem(`${path}.type`, 'is required') : read.oneOf(phase.type, `${path}.type`, PHASE_TYPES);
  return {
    type: type ?? 'VALIDATE',
    name: read.string(phase.name, `${path}.name`),
    repositoryId: read.id(phase.repositoryId, `${path}.repositoryId`),
    branch: read.string(phase.branch, `${path}.branch`),
    environmentId: read.id(phase.environmentId, `${path}.environmentId`),
    environmentType: read.oneOf(phase.environmentType, `${path}.environmentType`, ENVIRONMENT_TYPES),
    steps: read.array(phase.steps, `${path}.steps`, 20)?.map((step, i) => stepFrom(read, step, `${path}.steps[${i}]`)),
  };
}

function stepFrom(read: Reader, value: unknown, path: string): StepInput {
  const step = read.object(value, path, ['name', 'options']) ?? {};
  const name =
    step.name === undefined
      ? read.problem(`${path}.name`, 'is required')
      : (STEP_ACTIONS as readonly unknown[]).includes(step.name)
        ? (step.name as StepAction)
        : read.problem(
            `${path}.name`,
            `unknown step ${JSON.stringify(String(step.name).slice(0, 40))} (steps: ${STEP_ACTIONS.join(', ')})`,
          );
  if (step.options === undefined || !name) return { name: name ?? 'validate' };
  const fields = (Object.keys(OPTION_STEPS) as (keyof StepOptions)[]).filter((key) => OPTION_STEPS[key] === name);
  const options = read.object(step.options, `${path}.options`, fields) ?? {};
  const pages = read.array(options.pages, `${path}.options.pages`, 1000);
  pages?.forEach((page, i) => read.string(page, `${path}.options.pages[${i}]`));
  return {
    name,
    options: {
      importantMetricFailuresBehavior: read.oneOf(
        options.importantMetricFailuresBehavior,
        `${path}.options.importantMetricFailuresBehavior`,
        BEHAVIORS,
      ),
      pages: pages as string[] | undefined,
    },
  };
}

/**
 * A variables PATCH body: an array of `{name, value?, type?}` (`PipelineVariableUpdate`), or for an
 * environment of `{name, value?, type?, service?}` (`EnvironmentVariableUpdate`); no value (or null,
 * or "") deletes the variable.
 */
export function variableChangesFrom(body: unknown, owner: 'pipeline' | 'environment' = 'pipeline'): VariableChange[] {
  const fields = owner === 'pipeline' ? ['name', 'value', 'type'] : ['name', 'value', 'type', 'service'];
  const expected = `an array of {${fields.map((f) => `"${f}"`).join(', ')}}`;
  requireBody(body, expected);
  const read = new Reader();
  const items = Array.isArray(body) ? read.array(body, '', VARIABLE_LIMITS.perOwner) : read.problem('', `must be ${expected}`);
  const changes = (items ?? []).map((item, i) => {
    const name = typeof (item as Json | null)?.name === 'string' ? ((item as Json).name as string) : undefined;
    const path = `[${i}]${name === undefined ? '' : ` ${JSON.stringify(name.slice(0, VARIABLE_LIMITS.nameMax))}`}`;
    const variable = read.object(item, path, fields) ?? {};
    if (name === undefined) read.problem(`${path}.name`, 'is required and must be a string');
    const value = variable.value === null ? undefined : read.string(variable.value, `${path}.value`);
    const service = variable.service === null ? undefined : read.oneOf(variable.service, `${path}.service`, VARIABLE_SERVICES);
    return {
      name: name ?? '',
      value,
      type: read.oneOf(variable.type, `${path}.type`, VARIABLE_TYPES),
      ...(service === undefined ? {} : { service }),
    };
  });
  return read.done(changes, 'No variable was changed');
}
