/**
 * Scenarios (docs/scenarios.md): a JSON document that declares a world (programs, their
 * environments and pipelines with their settings, or the seed world), a fixed clock start and
 * seed, a script of what the next runs of each pipeline do, and opt-in API quirks. `checkScenario`
 * reads one and reports every problem at once (JSON path and what was expected); `scenarioState`
 * makes the state it declares. Nothing is changed until a scenario has no problem at all.
 * scenarios/scenario.schema.json describes the same format for editors (a test keeps them agreeing).
 */
import { DEFAULT_SPEED, MAX_SPEED } from './clock';
import { QUALITY_GATES, metricPasses } from './content/metrics';
import type { ContentGenerators } from './content/types';
import { AUDIT_CATEGORIES } from './content/audit';
import {
  DAY_MS,
  HOLD_STEPS,
  HOLD_TIMEOUT_MS,
  SCRIPT_STEPS,
  STEP_ACTIONS,
  type HoldPlan,
  type ImportantMetricsBehavior,
  type Outcome,
  type OutcomePreset,
  type PipelineKind,
  type EnvironmentVariable,
  type PipelineVariable,
  type Quirks,
  type VariableService,
  type RunPlan,
  type ScenarioState,
  type ScriptStep,
  type SimState,
} from './model';
import { OUTCOME_PRESETS } from './outcomes';
import { PREVIEW_TYPES, addProgram, createSeedState, emptyState, newPipeline, programHasPreview } from './seed';
import { VARIABLE_LIMITS, VARIABLE_SERVICES, applyVariableChanges, type VariableChange, type VariableOwner } from './variables';
import type { DomainError } from './errors';
import type { Hold } from './pipeline-phases';

/** Where simulated time starts when a scenario does not say: 28 Nov 2026, 09:00 UTC. */
export const SCENARIO_CLOCK_START = '2026-11-28T09:00:00.000Z';

export interface ScenarioPipeline {
  name: string;
  kind: PipelineKind;
  trigger: 'MANUAL' | 'ON_COMMIT';
  branch: string;
  approval: boolean;
  schedule: boolean;
  uiTests: boolean;
  importantMetricsBehavior: ImportantMetricsBehavior;
  auditPages: string[];
  variables: PipelineVariable[];
}

export interface ScenarioProgram {
  name: string;
  solutions: string[];
  sandbox: boolean;
  /** Variables its dev, stage and prod environments start with. */
  environments: Partial<Record<'dev' | 'stage' | 'prod', EnvironmentVariable[]>>;
  pipelines: ScenarioPipeline[];
}

/** What a run is expected to end as (tests and CI scripts read it; the simulator does not). */
export interface RunExpectation {
  status: 'FINISHED' | 'FAILED' | 'CANCELLED' | 'ERROR';
  /** The step it ended at (failed, rejected or timed out), as the script names steps. */
  step?: ScriptStep | Hold;
}

export interface ScriptedRun extends RunPlan {
  expect?: RunExpectation;
}

export interface Scenario {
  name: string;
  description?: string;
  seed: number;
  clock: { start: number; speed: number };
  /** The outcome of runs the script does not cover. */
  outcome: OutcomePreset;
  /** Absent: the seed world of `seed`. */
  programs?: ScenarioProgram[];
  script: { program: string; pipeline: string; runs: ScriptedRun[] }[];
  quirks: Quirks;
}

export type CheckResult = { scenario: Scenario; problems?: undefined } | { scenario?: undefined; problems: string[] };

const LIMITS = {
  name: 64,
  programs: 50,
  pipelinesPerProgram: 20,
  runsPerPipeline: 200,
  message: 1000,
  delayMs: 60_000,
  maintenanceSeconds: 3600,
};

/** Collects problems as `$.path: expected …, got …`. */
class Checker {
  readonly problems: string[] = [];

  problem(path: string, expected: string, value?: unknown, got = true): void {
    this.problems.push(got ? `${path}: expected ${expected}, got ${describe(value)}` : `${path}: ${expected}`);
  }

  /**
   * An object with only `allowed` keys; undefined (reported) when it is not an object. A required
   * field is checked as any other, so a missing one reads "expected …, got nothing".
   */
  object(path: string, value: unknown, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(path, 'an object', value);
      return undefined;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record))
      if (!allowed.includes(key)) this.problem(`${path}.${key}`, `not a known field (known: ${allowed.join(', ')})`, undefined, false);
    return record;
  }

  string(path: string, value: unknown, max = LIMITS.name, fallback = ''): string {
    if (typeof value === 'string' && value.trim() !== '' && value.length <= max && !/\p{Cc}/u.test(value)) return value;
    this.problem(path, `a non-empty string of at most ${max} characters on one line`, value);
    return fallback;
  }

  oneOf<T extends string>(path: string, value: unknown, options: readonly T[], fallback: T): T {
    if ((options as readonly unknown[]).includes(value)) return value as T;
    this.problem(path, `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`, value);
    return fallback;
  }

  integer(path: string, value: unknown, min: number, max: number, fallback = min): number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.problem(path, `an integer from ${min} to ${max}`, value);
    return fallback;
  }

  boolean(path: string, value: unknown, fallback = false): boolean {
    if (typeof value === 'boolean') return value;
    this.problem(path, 'true or false', value);
    return fallback;
  }

  array(path: string, value: unknown, max: number): unknown[] {
    if (Array.isArray(value) && value.length <= max) return value;
    this.problem(path, `an array of at most ${max} items`, Array.isArray(value) ? `${value.length} items` : value);
    return [];
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string' && value.endsWith(' items')) return value;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const SCENARIO_FIELDS = ['$schema', 'name', 'description', 'seed', 'clock', 'outcome', 'programs', 'script', 'quirks'];
const PROGRAM_FIELDS = ['name', 'solutions', 'sandbox', 'environments', 'pipelines'];
const PIPELINE_FIELDS = [
  'name',
  'kind',
  'trigger',
  'branch',
  'approval',
  'schedule',
  'uiTests',
  'importantMetricsBehavior',
  'auditPages',
  'variables',
];
const ENVIRONMENT_TYPES = ['dev', 'stage', 'prod'] as const;
const RUN_FIELDS = ['codeQuality', 'metrics', 'tests', 'deploy', 'audit', 'auditScores', 'failAt', 'holds', 'expect'];
const KINDS: readonly PipelineKind[] = ['production', 'nonProductionDeployment', 'codeQuality'];
const CODE_QUALITY: readonly Outcome['codeQuality'][] = ['pass', 'info', 'important', 'critical'];
const TESTS: readonly Outcome['tests'][] = ['pass', 'productTestFailure', 'functionalTestFailure', 'uiTestFailure', 'noCustomTests'];
const DEPLOY: readonly Outcome['deploy'][] = ['pass', 'stageFailure', 'prodFailure'];
const AUDIT: readonly Outcome['audit'][] = ['normal', 'regression', 'improvement', 'steady'];
const HOLD_THEN: readonly HoldPlan['then'][] = ['wait', 'timeout', 'accept', 'reject'];
const END_STATUSES: readonly RunExpectation['status'][] = ['FINISHED', 'FAILED', 'CANCELLED', 'ERROR'];

/** Reads a scenario (parsed JSON); every problem is reported, with its JSON path. */
export function checkScenario(value: unknown): CheckResult {
  const c = new Checker();
  const root = c.object('$', value, SCENARIO_FIELDS);
  if (!root) return { problems: c.problems };
  const name = c.string('$.name', root.name);
  const description = root.description === undefined ? undefined : c.string('$.description', root.description, 500);
  const seed = root.seed === undefined ? 1 : c.integer('$.seed', root.seed, 0, 2 ** 31);
  const clock = checkClock(c, root.clock);
  const outcome =
    root.outcome === undefined ? 'pass' : c.oneOf('$.outcome', root.outcome, OUTCOME_PRESETS as readonly OutcomePreset[], 'pass');
  const programs = root.programs === undefined ? undefined : checkPrograms(c, root.programs);
  const script = root.script === undefined ? [] : checkScript(c, root.script, programs);
  const quirks = root.quirks === undefined ? {} : checkQuirks(c, '$.quirks', root.quirks);
  if (c.problems.length) return { problems: c.problems };
  return { scenario: { name, description, seed, clock, outcome, programs, script, quirks } };
}

/** Reads the quirks on their own (`PUT /_sim/quirks`). */
export function checkQuirksBody(value: unknown): { quirks: Quirks; problems?: undefined } | { quirks?: undefined; problems: string[] } {
  const c = new Checker();
  const quirks = checkQuirks(c, '$', value);
  return c.problems.length ? { problems: c.problems } : { quirks };
}

function checkClock(c: Checker, value: unknown): Scenario['clock'] {
  const clock = { start: Date.parse(SCENARIO_CLOCK_START), speed: DEFAULT_SPEED };
  if (value === undefined) return clock;
  const record = c.object('$.clock', value, ['start', 'speed']);
  if (!record) return clock;
  if (record.start !== undefined) {
    const start = typeof record.start === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(record.start);
    const at = start ? Date.parse(record.start as string) : NaN;
    if (Number.isFinite(at)) clock.start = at;
    else c.problem('$.clock.start', 'a date and time with its offset, like "2026-11-28T09:00:00Z"', record.start);
  }
  if (record.speed !== undefined) {
    if (typeof record.speed === 'number' && record.speed > 0 && record.speed <= MAX_SPEED) clock.speed = record.speed;
    else c.problem('$.clock.speed', `a number greater than 0 and at most ${MAX_SPEED}`, record.speed);
  }
  return clock;
}

function checkPrograms(c: Checker, value: unknown): ScenarioProgram[] {
  const programs: ScenarioProgram[] = [];
  c.array('$.programs', value, LIMITS.programs).forEach((item, i) => {
    const path = `$.programs[${i}]`;
    const record = c.object(path, item, PROGRAM_FIELDS);
    if (!record) return;
    const name = c.string(`${path}.name`, record.name);
    if (programs.some((p) => p.name === name))
      c.problem(`${path}.name`, `a name no other program has ("${name}" is taken)`, undefined, false);
    const solutions =
      record.solutions === undefined
        ? ['Sites']
        : c.array(`${path}.solutions`, record.solutions, 10).map((s, j) => c.string(`${path}.solutions[${j}]`, s));
    const sandbox = record.sandbox === undefined ? false : c.boolean(`${path}.sandbox`, record.sandbox);
    const environments: ScenarioProgram['environments'] = {};
    const declared = record.environments === undefined ? {} : c.object(`${path}.environments`, record.environments, ENVIRONMENT_TYPES);
    for (const type of ENVIRONMENT_TYPES) {
      const environment = declared?.[type];
      if (environment === undefined) continue;
      const fields = c.object(`${path}.environments.${type}`, environment, ['variables']);
      const preview = programHasPreview({ name, solutions }) && PREVIEW_TYPES.includes(type);
      const services: VariableService[] = preview ? ['author', 'publish', 'preview'] : ['author', 'publish'];
      if (fields?.variables !== undefined)
        environments[type] = checkVariables(c, `${path}.environments.${type}.variables`, fields.variables, {
          kind: 'environment',
          services,
        });
    }
    const pipelines: ScenarioPipeline[] = [];
    c.array(`${path}.pipelines`, record.pipelines, LIMITS.pipelinesPerProgram).forEach((p, j) => {
      const pipeline = checkPipeline(c, `${path}.pipelines[${j}]`, p);
      if (!pipeline) return;
      if (pipelines.some((other) => other.name === pipeline.name))
        c.problem(
          `${path}.pipelines[${j}].name`,
          `a name no other pipeline of the program has ("${pipeline.name}" is taken)`,
          undefined,
          false,
        );
      if ((p as { kind?: unknown }).kind === 'production' && pipelines.some((other) => other.kind === 'production'))
        c.problem(`${path}.pipelines[${j}].kind`, 'one production pipeline per program', undefined, false);
      pipelines.push(pipeline);
    });
    programs.push({ name, solutions, sandbox, environments, pipelines });
  });
  return programs;
}

function checkPipeline(c: Checker, path: string, value: unknown): ScenarioPipeline | undefined {
  const record = c.object(path, value, PIPELINE_FIELDS);
  if (!record) return undefined;
  const kind = c.oneOf(`${path}.kind`, record.kind, KINDS, 'production');
  const flag = (key: string, fallback: boolean) => (record[key] === undefined ? fallback : c.boolean(`${path}.${key}`, record[key]));
  const pipeline: ScenarioPipeline = {
    name: c.string(`${path}.name`, record.name),
    kind,
    trigger:
      record.trigger === undefined ? 'MANUAL' : c.oneOf(`${path}.trigger`, record.trigger, ['MANUAL', 'ON_COMMIT'] as const, 'MANUAL'),
    branch: record.branch === undefined ? (kind === 'production' ? 'main' : 'develop') : c.string(`${path}.branch`, record.branch, 255),
    approval: flag('approval', false),
    schedule: flag('schedule', false),
    uiTests: flag('uiTests', true),
    importantMetricsBehavior:
      record.importantMetricsBehavior === undefined
        ? 'ASK'
        : c.oneOf(`${path}.importantMetricsBehavior`, record.importantMetricsBehavior, ['ASK', 'FAIL', 'CONTINUE'] as const, 'ASK'),
    auditPages:
      record.auditPages === undefined
        ? ['/']
        : c.array(`${path}.auditPages`, record.auditPages, 25).map((page, k) => {
            const text = c.string(`${path}.auditPages[${k}]`, page, 1024);
            if (text && !text.startsWith('/')) c.problem(`${path}.auditPages[${k}]`, 'a path starting with "/"', page);
            return text;
          }),
    variables: [],
  };
  pipeline.variables =
    record.variables === undefined
      ? []
      : checkVariables(c, `${path}.variables`, record.variables, { kind: 'pipeline', services: [] }).map(({ name, type, value }) =>
          value === undefined ? { name, type } : { name, type, value },
        );
  if (kind !== 'production' && KINDS.includes(record.kind as PipelineKind))
    for (const key of ['approval', 'schedule'] as const)
      if (pipeline[key]) c.problem(`${path}.${key}`, `false: only a production pipeline has the ${key} step`, record[key]);
  return pipeline;
}

/**
 * Variables as the variables PATCH takes them (`{name, value, type?, service?}`), checked by the
 * same rules (variables.ts); a secret's value is checked and dropped.
 */
function checkVariables(c: Checker, path: string, value: unknown, owner: VariableOwner): EnvironmentVariable[] {
  const changes: VariableChange[] = [];
  c.array(path, value, VARIABLE_LIMITS.perOwner).forEach((item, i) => {
    const record = c.object(`${path}[${i}]`, item, ['name', 'value', 'type', 'service']);
    if (!record) return;
    const change: VariableChange = {
      name: c.string(`${path}[${i}].name`, record.name, VARIABLE_LIMITS.nameMax),
      value: c.string(`${path}[${i}].value`, record.value, VARIABLE_LIMITS.value),
    };
    if (record.type !== undefined) change.type = c.oneOf(`${path}[${i}].type`, record.type, ['string', 'secretString'] as const, 'string');
    if (record.service !== undefined) change.service = c.oneOf(`${path}[${i}].service`, record.service, VARIABLE_SERVICES, 'author');
    changes.push(change);
  });
  try {
    return applyVariableChanges([], changes, owner).variables;
  } catch (error) {
    for (const problem of (error as DomainError).errors ?? [(error as Error).message]) c.problem(path, problem, undefined, false);
    return [];
  }
}

/** What the script needs to know of a pipeline to check a run against it. */
interface PipelineShape {
  kind: PipelineKind;
  approval: boolean;
  schedule: boolean;
  uiTests: boolean;
  importantMetricsBehavior: ImportantMetricsBehavior;
}

/** The seed world's pipelines a script may name, when the scenario declares no programs. */
const SEED_PIPELINES: Record<string, Record<string, PipelineShape>> = {
  'WKND Sites': {
    'Production Pipeline': { kind: 'production', approval: true, schedule: true, uiTests: true, importantMetricsBehavior: 'ASK' },
    'Dev Deployment': { kind: 'nonProductionDeployment', approval: false, schedule: false, uiTests: true, importantMetricsBehavior: 'ASK' },
    'Code Quality': { kind: 'codeQuality', approval: false, schedule: false, uiTests: true, importantMetricsBehavior: 'ASK' },
  },
  'We.Retail Global': {
    'Production Pipeline': { kind: 'production', approval: false, schedule: false, uiTests: false, importantMetricsBehavior: 'ASK' },
  },
  'Acme Intranet': {
    'Production Pipeline': { kind: 'production', approval: true, schedule: false, uiTests: true, importantMetricsBehavior: 'ASK' },
  },
  'Sandbox Playground': {
    'Production Pipeline': { kind: 'production', approval: false, schedule: false, uiTests: false, importantMetricsBehavior: 'ASK' },
  },
};

function checkScript(c: Checker, value: unknown, programs: ScenarioProgram[] | undefined): Scenario['script'] {
  const world: Record<string, Record<string, PipelineShape>> = programs
    ? Object.fromEntries(programs.map((p) => [p.name, Object.fromEntries(p.pipelines.map((pl) => [pl.name, pl]))]))
    : SEED_PIPELINES;
  const script: Scenario['script'] = [];
  c.array('$.script', value, 100).forEach((item, i) => {
    const path = `$.script[${i}]`;
    const record = c.object(path, item, ['program', 'pipeline', 'runs']);
    if (!record) return;
    const program = c.string(`${path}.program`, record.program);
    const pipeline = c.string(`${path}.pipeline`, record.pipeline);
    let shape: PipelineShape | undefined;
    if (program && !world[program])
      c.problem(
        `${path}.program`,
        `the name of a program of the scenario (${Object.keys(world)
          .map((n) => JSON.stringify(n))
          .join(', ')})`,
        program,
      );
    else if (program && pipeline && !world[program][pipeline])
      c.problem(
        `${path}.pipeline`,
        `the name of a pipeline of "${program}" (${Object.keys(world[program])
          .map((n) => JSON.stringify(n))
          .join(', ')})`,
        pipeline,
      );
    else shape = world[program]?.[pipeline];
    if (script.some((s) => s.program === program && s.pipeline === pipeline))
      c.problem(path, `one script entry per pipeline ("${program}" / "${pipeline}" has one already)`, undefined, false);
    const runs = c
      .array(`${path}.runs`, record.runs, LIMITS.runsPerPipeline)
      .map((run, j) => checkRun(c, `${path}.runs[${j}]`, run, shape));
    script.push({ program, pipeline, runs });
  });
  return script;
}

/** The steps a run of a pipeline of this shape has, as the script names them. */
function stepsOfShape(shape: PipelineShape): ScriptStep[] {
  return SCRIPT_STEPS.filter((step) => {
    if (step === 'uiTest') return shape.kind === 'production' && shape.uiTests;
    if (step === 'buildImage') return shape.kind !== 'codeQuality';
    if (step === 'devDeploy') return shape.kind === 'nonProductionDeployment';
    if (['stageDeploy', 'productTest', 'functionalTest', 'contentAudit', 'prodDeploy'].includes(step)) return shape.kind === 'production';
    return true;
  });
}

function checkRun(c: Checker, path: string, value: unknown, shape: PipelineShape | undefined): ScriptedRun {
  const run: ScriptedRun = { codeQuality: 'pass', tests: 'pass', deploy: 'pass', audit: 'normal' };
  const record = c.object(path, value, RUN_FIELDS);
  if (!record) return run;
  if (record.codeQuality !== undefined) run.codeQuality = c.oneOf(`${path}.codeQuality`, record.codeQuality, CODE_QUALITY, 'pass');
  if (record.tests !== undefined) run.tests = c.oneOf(`${path}.tests`, record.tests, TESTS, 'pass');
  if (record.deploy !== undefined) run.deploy = c.oneOf(`${path}.deploy`, record.deploy, DEPLOY, 'pass');
  if (record.audit !== undefined) run.audit = c.oneOf(`${path}.audit`, record.audit, AUDIT, 'normal');
  if (record.metrics !== undefined) run.metrics = checkMetrics(c, `${path}.metrics`, record.metrics, run.codeQuality);
  if (record.auditScores !== undefined) {
    const scores = c.object(`${path}.auditScores`, record.auditScores, AUDIT_CATEGORIES);
    if (scores) {
      run.auditScores = {};
      for (const category of AUDIT_CATEGORIES)
        if (scores[category] !== undefined)
          run.auditScores[category] = c.integer(`${path}.auditScores.${category}`, scores[category], 0, 100);
    }
  }
  const steps = shape ? stepsOfShape(shape) : [...SCRIPT_STEPS];
  if (record.failAt !== undefined) {
    const failAt = c.object(`${path}.failAt`, record.failAt, ['step', 'message']);
    if (failAt) {
      const step = c.oneOf(`${path}.failAt.step`, failAt.step, steps, 'build');
      const message =
        failAt.message === undefined ? `The ${step} step failed.` : c.string(`${path}.failAt.message`, failAt.message, LIMITS.message);
      run.failAt = { step, message };
    }
  }
  if (record.holds !== undefined) run.holds = checkHolds(c, `${path}.holds`, record.holds);
  if (record.expect !== undefined) {
    const expect = c.object(`${path}.expect`, record.expect, ['status', 'step']);
    if (expect) {
      run.expect = { status: c.oneOf(`${path}.expect.status`, expect.status, END_STATUSES, 'FINISHED') };
      if (expect.step !== undefined)
        run.expect.step = c.oneOf(`${path}.expect.step`, expect.step, [...steps, 'approval', 'schedule'] as const, 'build');
    }
  }
  if (shape) checkRunFits(c, path, run, shape);
  return run;
}

/** A run that asks for something its pipeline does not have (UI tests, a hold) is refused. */
function checkRunFits(c: Checker, path: string, run: ScriptedRun, shape: PipelineShape): void {
  const production = shape.kind === 'production';
  if (!production && run.tests !== 'pass') c.problem(`${path}.tests`, `"pass": a ${shape.kind} pipeline runs no tests`, run.tests);
  if (run.tests === 'uiTestFailure' && !shape.uiTests)
    c.problem(`${path}.tests`, 'not "uiTestFailure": the pipeline has no UI tests', run.tests);
  if (!production && run.deploy !== 'pass')
    c.problem(`${path}.deploy`, `"pass": a ${shape.kind} pipeline has no stage or production deployment`, run.deploy);
  for (const hold of ['approval', 'schedule'] as const)
    if (run.holds?.[hold] && !shape[hold])
      c.problem(`${path}.holds.${hold}`, `nothing: the pipeline has no ${hold} step`, undefined, false);
  if (run.holds?.codeQuality && !(run.codeQuality === 'important' && production && shape.importantMetricsBehavior === 'ASK'))
    c.problem(
      `${path}.holds.codeQuality`,
      'nothing: code quality holds only when important metrics fail ("codeQuality": "important") in a production pipeline set to ASK',
      undefined,
      false,
    );
}

function checkHolds(c: Checker, path: string, value: unknown): RunPlan['holds'] {
  const record = c.object(path, value, HOLD_STEPS);
  if (!record) return undefined;
  const holds: NonNullable<RunPlan['holds']> = {};
  for (const hold of HOLD_STEPS) {
    if (record[hold] === undefined) continue;
    const plan = c.object(`${path}.${hold}`, record[hold], ['then', 'afterMs']);
    if (!plan) continue;
    const then = c.oneOf(`${path}.${hold}.then`, plan.then, HOLD_THEN, 'wait');
    holds[hold] = { then };
    if (plan.afterMs !== undefined) {
      if (then === 'wait') c.problem(`${path}.${hold}.afterMs`, 'nothing: a hold that waits for a user has no time', undefined, false);
      else holds[hold].afterMs = c.integer(`${path}.${hold}.afterMs`, plan.afterMs, 1000, HOLD_TIMEOUT_MS);
    }
  }
  return holds;
}

/** Metric values: known KPIs, a rating letter or a number, agreeing with the declared `codeQuality`. */
function checkMetrics(c: Checker, path: string, value: unknown, codeQuality: Outcome['codeQuality']): RunPlan['metrics'] {
  const record = c.object(
    path,
    value,
    QUALITY_GATES.map((g) => g.kpi),
  );
  if (!record) return undefined;
  const metrics: Record<string, string> = {};
  const failing = new Set<string>();
  for (const gate of QUALITY_GATES) {
    const raw = record[gate.kpi];
    if (raw === undefined) continue;
    const rating = /_rating$/.test(gate.kpi);
    const text = typeof raw === 'number' ? String(raw) : raw;
    const ok =
      typeof text === 'string' &&
      (rating
        ? /^[A-E]$/.test(text)
        : /^\d+(\.\d+)?$/.test(text) && Number(text) <= (gate.kpi === 'coverage' || gate.kpi === 'duplicated_lines_density' ? 100 : 1e6));
    if (!ok) {
      c.problem(`${path}.${gate.kpi}`, rating ? 'a rating "A" to "E"' : 'a non-negative number', raw);
      continue;
    }
    metrics[gate.kpi] = text;
    if (!metricPasses(text, gate.comparator, gate.expected)) failing.add(gate.severity);
  }
  // The values must tell the same story as codeQuality: a critical failure fails, an important one holds.
  const agrees: Record<Outcome['codeQuality'], boolean> = {
    critical: true,
    important: !failing.has('critical'),
    info: !failing.has('critical') && !failing.has('important'),
    pass: !failing.has('critical') && !failing.has('important'),
  };
  if (!agrees[codeQuality])
    c.problem(
      path,
      `values that agree with "codeQuality": "${codeQuality}" (a failing ${failing.has('critical') ? 'critical' : 'important'} metric needs "codeQuality": "${failing.has('critical') ? 'critical' : 'important'}")`,
      undefined,
      false,
    );
  return metrics;
}

function checkQuirks(c: Checker, path: string, value: unknown): Quirks {
  const record = c.object(path, value, ['noCurrentStepMs', 'unknownStepStatus', 'maintenance', 'delayMs']);
  if (!record) return {};
  const quirks: Quirks = {};
  if (record.noCurrentStepMs !== undefined)
    quirks.noCurrentStepMs = c.integer(`${path}.noCurrentStepMs`, record.noCurrentStepMs, 0, DAY_MS);
  if (record.delayMs !== undefined) quirks.delayMs = c.integer(`${path}.delayMs`, record.delayMs, 0, LIMITS.delayMs);
  if (record.unknownStepStatus !== undefined) {
    const quirk = c.object(`${path}.unknownStepStatus`, record.unknownStepStatus, ['action', 'status']);
    if (quirk) {
      const action = c.oneOf(`${path}.unknownStepStatus.action`, quirk.action, STEP_ACTIONS, 'contentAudit');
      const status = typeof quirk.status === 'string' && /^[A-Z][A-Z0-9_]{0,39}$/.test(quirk.status) ? quirk.status : undefined;
      if (!status)
        c.problem(`${path}.unknownStepStatus.status`, 'an upper-case status word such as "SKIPPED" (at most 40 characters)', quirk.status);
      quirks.unknownStepStatus = { action, status: status ?? '' };
    }
  }
  if (record.maintenance !== undefined) {
    const quirk = c.object(`${path}.maintenance`, record.maintenance, ['seconds', 'message']);
    if (quirk) {
      quirks.maintenance = { seconds: c.integer(`${path}.maintenance.seconds`, quirk.seconds, 1, LIMITS.maintenanceSeconds) };
      if (quirk.message !== undefined) quirks.maintenance.message = c.string(`${path}.maintenance.message`, quirk.message, 300);
    }
  }
  return quirks;
}

/** Reads a scenario from its text (a file's): a JSON syntax error is one problem, with its line and column. */
export function parseScenario(text: string): CheckResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    if (position === undefined) return { problems: [`$: not valid JSON (${message})`] };
    const before = text.slice(0, Number(position)).split('\n');
    return { problems: [`$: not valid JSON at line ${before.length}, column ${before[before.length - 1].length + 1} (${message})`] };
  }
  return checkScenario(value);
}

/** The state a scenario declares, its simulated clock starting at `clock.start` from the wall time `wallNow`. */
export function scenarioState(scenario: Scenario, source: unknown, wallNow: number, content: ContentGenerators): SimState {
  const start = scenario.clock.start;
  const state = scenario.programs ? emptyState(scenario.seed, start) : createSeedState(scenario.seed, start, content);
  if (scenario.programs) {
    scenario.programs.forEach((p, index) => {
      const slug =
        p.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 30) || `program-${index + 1}`;
      const program = addProgram(
        state,
        {
          name: p.name,
          slug,
          solutions: p.solutions,
          sandbox: p.sandbox,
          history: 0,
          approval: false,
          scheduled: false,
          uiTests: false,
          extraPipelines: false,
          auditPages: [],
          noPipelines: true,
          environmentVariables: p.environments,
        },
        String(index + 1),
        start - 90 * DAY_MS,
      );
      const environment = (type: string) => state.environments.find((e) => e.programId === program.id && e.type === type)?.id;
      const repositoryId = state.repositories.find((r) => r.programId === program.id)?.id ?? '';
      p.pipelines.forEach((pl, n) => {
        const environments =
          pl.kind === 'production'
            ? { stage: environment('stage'), prod: environment('prod') }
            : pl.kind === 'nonProductionDeployment'
              ? { dev: environment('dev') }
              : {};
        const holds: Hold[] = [...(pl.approval ? (['approval'] as const) : []), ...(pl.schedule ? (['schedule'] as const) : [])];
        state.pipelines.push(
          newPipeline(program, n + 1, {
            name: pl.name,
            plan: { kind: pl.kind, repositoryId, branch: pl.branch, environments, holds },
            trigger: pl.trigger,
            createdAt: start - 60 * DAY_MS,
            auditPages: pl.auditPages,
            uiTests: pl.uiTests,
            importantMetricsBehavior: pl.importantMetricsBehavior,
            variables: pl.variables,
          }),
        );
      });
      program.sim.lastPipelineNumber = p.pipelines.length;
    });
  }
  state.settings = { ...state.settings, outcome: scenario.outcome, speed: scenario.clock.speed, anchorSim: start, anchorWall: wallNow };
  state.scenario = scenarioRecord(scenario, source, state, wallNow);
  return state;
}

function scenarioRecord(scenario: Scenario, source: unknown, state: SimState, wallNow: number): ScenarioState {
  const script: Record<string, RunPlan[]> = {};
  for (const entry of scenario.script) {
    const program = state.programs.find((p) => p.name === entry.program);
    const pipeline = state.pipelines.find((p) => p.programId === program?.id && p.name === entry.pipeline);
    if (pipeline) script[pipeline.id] = entry.runs.map(({ expect: _expect, ...plan }) => plan);
  }
  return { name: scenario.name, source, script, ...quirksRecord(scenario.quirks, wallNow) };
}

/** The quirks as kept in the state: a maintenance window starts now. */
export function quirksRecord(quirks: Quirks, wallNow: number): Pick<ScenarioState, 'quirks' | 'maintenanceUntil'> {
  return { quirks, ...(quirks.maintenance ? { maintenanceUntil: wallNow + quirks.maintenance.seconds * 1000 } : {}) };
}
