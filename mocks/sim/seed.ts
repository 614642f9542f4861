/**
 * Seed data: programs, environments, repositories, pipelines, and a history of executions made by
 * running the engine itself over the past weeks (so history obeys the same rules as live runs).
 */
import { DEFAULT_SPEED } from './clock';
import {
  DAY_MS,
  STATE_VERSION,
  type Environment,
  type EnvironmentVariable,
  type Outcome,
  type OutcomePreset,
  type Pipeline,
  type Program,
  type SimState,
} from './model';
import { createRng } from './content/rng';
import { seededActor, type Permission } from './users';
import { Simulation, isActiveExecution } from './engine';
import { seedBranches } from './git';
import { aemReleaseAt, serviceUrls } from './environments';
import { canonicalPhases, type PhasePlan } from './pipeline-phases';
import type { ContentGenerators } from './content/types';
import { emptyJournal } from './journal';

const TENANT = 'simulatedorg';
/** The seeded programs' IMS organisation. */
export const SEED_ORG = 'SIMULATED0000000000000000@AdobeOrg';

export interface ProgramSeed {
  name: string;
  slug: string;
  solutions: string[];
  sandbox?: boolean;
  /** Number of past production runs to generate. */
  history: number;
  approval: boolean;
  scheduled: boolean;
  uiTests: boolean;
  extraPipelines: boolean;
  auditPages: string[];
  /** No pipeline at all (the console then offers to set one up). */
  noPipelines?: boolean;
  /** Whether its dev and prod environments have the preview service (default: programs with Sites). */
  preview?: boolean;
  /** Variables its environments start with, by environment type. */
  environmentVariables?: Partial<Record<'dev' | 'stage' | 'prod', EnvironmentVariable[]>>;
}

const PROGRAMS: ProgramSeed[] = [
  {
    name: 'WKND Sites',
    slug: 'wknd',
    solutions: ['Sites', 'Assets'],
    history: 28,
    approval: true,
    scheduled: true,
    uiTests: true,
    extraPipelines: true,
    auditPages: [
      '/',
      '/us/en.html',
      '/us/en/adventures.html',
      '/us/en/magazine.html',
      '/us/en/about-us.html',
      '/us/en/faqs.html',
      '/de/de.html',
      '/us/en/adventures/bali-surf-camp.html',
    ],
    environmentVariables: {
      dev: [
        { name: 'ANALYTICS_ENDPOINT', type: 'string', value: 'https://analytics-dev.wknd.site/collect' },
        { name: 'DEBUG_CLIENTLIBS', type: 'string', value: 'true', service: 'author' },
      ],
      prod: [
        { name: 'ANALYTICS_ENDPOINT', type: 'string', value: 'https://analytics.wknd.site/collect' },
        { name: 'SEARCH_API_KEY', type: 'secretString', service: 'publish' },
      ],
    },
  },
  {
    name: 'We.Retail Global',
    slug: 'weretail',
    solutions: ['Sites', 'Forms - Digital Enrollment'],
    history: 6,
    approval: false,
    scheduled: false,
    uiTests: false,
    extraPipelines: false,
    auditPages: ['/', '/content/we-retail/us/en/men.html', '/content/we-retail/us/en/women.html'],
  },
  {
    name: 'Acme Intranet',
    slug: 'acme',
    solutions: ['Sites'],
    // An intranet publishes to its own staff only: no preview service.
    preview: false,
    history: 0,
    approval: true,
    scheduled: false,
    uiTests: true,
    extraPipelines: false,
    auditPages: [],
  },
  {
    name: 'Sandbox Playground',
    slug: 'sandbox',
    solutions: ['Sites', 'Assets'],
    sandbox: true,
    history: 2,
    approval: false,
    scheduled: false,
    uiTests: false,
    extraPipelines: false,
    auditPages: ['/'],
  },
  {
    name: 'Summit Launch',
    slug: 'summit',
    solutions: ['Sites'],
    history: 0,
    approval: false,
    scheduled: false,
    uiTests: true,
    extraPipelines: false,
    auditPages: [],
    noPipelines: true,
  },
];

/**
 * Whether a program's dev and prod environments have the preview service: programs with Sites,
 * unless their seed says otherwise (Acme Intranet). Stage environments never have it.
 */
export function programHasPreview(program: Pick<ProgramSeed, 'name' | 'solutions' | 'preview'>): boolean {
  const seeded = PROGRAMS.find((p) => p.name === program.name);
  return (program.preview ?? seeded?.preview) !== false && program.solutions.includes('Sites');
}

/** Whether an environment of that type has preview when its program does. */
export const PREVIEW_TYPES: readonly Environment['type'][] = ['dev', 'prod'];

export function emptyState(seed: number, wallNow: number): SimState {
  return {
    version: STATE_VERSION,
    seed,
    now: wallNow,
    settings: { speed: DEFAULT_SPEED, anchorWall: wallNow, anchorSim: wallNow, outcome: 'mix', layout: 'standard' },
    nextId: 1000,
    programs: [],
    environments: [],
    repositories: [],
    pipelines: [],
    executions: [],
    journal: emptyJournal(),
  };
}

/** The seed data for `seed`, with history ending before `wallNow` (simulated time starts at wall time). */
export function createSeedState(seed: number, wallNow: number, content: ContentGenerators): SimState {
  const state = emptyState(seed, wallNow);
  const rng = createRng(seed);
  const historyStart = wallNow - 60 * DAY_MS;
  let id = 0;
  const next = () => String((id += 1));

  PROGRAMS.forEach((p, index) => {
    addProgram(state, p, next(), historyStart - (400 - index * 90) * DAY_MS);
  });

  // The history is the past: it makes no journal entries (the journal starts with the seed).
  const sim = new Simulation(state, content, { journalLimit: 0 });
  state.now = historyStart;
  PROGRAMS.forEach((p, index) => {
    const program = state.programs[index];
    const pipeline = state.pipelines.find((x) => x.programId === program.id && x.sim.kind === 'production');
    if (!pipeline || p.history === 0) return;
    const plan = historyPlan(p.history, index === 0);
    const spacing = (55 * DAY_MS) / p.history;
    plan.forEach((entry, i) => {
      const startAt = historyStart + i * spacing + rng.int(0, 6) * 3600_000;
      runToEnd(sim, program.id, pipeline.id, startAt, entry, rng);
    });
    if (p.extraPipelines) {
      for (const other of state.pipelines.filter((x) => x.programId === program.id && x.sim.kind !== 'production')) {
        for (let i = 0; i < 4; i += 1) runToEnd(sim, program.id, other.id, historyStart + (i * 12 + 3) * DAY_MS, { outcome: 'mix' }, rng);
      }
    }
  });
  state.executions.sort((a, b) => a.createdAt - b.createdAt || Number(a.id) - Number(b.id));
  state.now = wallNow;
  state.settings.outcome = 'mix';
  return state;
}

/**
 * Adds one program with dev, stage and prod environments, a repository and a production pipeline
 * (plus dev-deployment and code-quality pipelines when `p.extraPipelines`, none when
 * `p.noPipelines`). Ids derive from the program id, so they never collide with another program's.
 */
export function addProgram(state: SimState, p: ProgramSeed, id: string, createdAt: number): Program {
  const program: Program = {
    id,
    name: p.name,
    enabled: true,
    tenantId: TENANT,
    imsOrgId: SEED_ORG,
    status: 'ready',
    type: 'aem_cloud_service',
    capabilities: { sandbox: p.sandbox === true },
    createdAt,
    updatedAt: createdAt + 3 * DAY_MS,
    sim: { solutions: p.solutions },
  };
  state.programs.push(program);
  const release = aemReleaseAt(state.now - 30 * DAY_MS, 19000 + (Number(program.id) % 1000));
  const env = (type: Environment['type'], label: string): Environment => {
    const envId = String(10000 + Number(program.id) * 10 + ['dev', 'stage', 'prod'].indexOf(type));
    const preview = programHasPreview(p) && PREVIEW_TYPES.includes(type);
    return {
      id: envId,
      programId: program.id,
      name: `${p.slug}-${label}`,
      description: `${p.name} ${label} environment`,
      type,
      status: 'ready',
      region: 'va7',
      ...serviceUrls(program.id, envId, preview),
      aemRelease: release,
      variables: (p.environmentVariables?.[label as 'dev' | 'stage' | 'prod'] ?? []).map((v) => ({ ...v })),
      sim: { updates: [] },
    };
  };
  const dev = env('dev', 'dev');
  const stage = env('stage', 'stage');
  const prod = env('prod', 'prod');
  state.environments.push(dev, stage, prod);
  const repository = {
    id: String(200 + Number(program.id)),
    programId: program.id,
    name: `${p.slug}-site`,
    branches: seedBranches(p.slug),
  };
  state.repositories.push(repository);
  if (p.noPipelines) return program;
  let pipelineCount = 0;
  const pipeline = (name: string, plan: PhasePlan, trigger: Pipeline['trigger'] = 'MANUAL'): Pipeline =>
    newPipeline(program, (pipelineCount += 1), {
      name,
      plan,
      trigger,
      createdAt: createdAt + DAY_MS,
      auditPages: p.auditPages,
      uiTests: p.uiTests,
    });
  const build = { repositoryId: repository.id, branch: 'main', holds: [] };
  const holds = [...(p.approval ? (['approval'] as const) : []), ...(p.scheduled ? (['schedule'] as const) : [])];
  state.pipelines.push(
    pipeline('Production Pipeline', { ...build, kind: 'production', environments: { stage: stage.id, prod: prod.id }, holds }),
  );
  if (p.extraPipelines) {
    const develop = { ...build, branch: 'develop' };
    state.pipelines.push(
      pipeline('Dev Deployment', { ...develop, kind: 'nonProductionDeployment', environments: { dev: dev.id } }, 'ON_COMMIT'),
      pipeline('Code Quality', { ...develop, kind: 'codeQuality', environments: {} }),
    );
  }
  return program;
}

/** A pipeline of `program` with the canonical phases of `plan`; its id is the program's id × 100 + `number`. */
export function newPipeline(
  program: Program,
  number: number,
  settings: {
    name: string;
    plan: PhasePlan;
    trigger: Pipeline['trigger'];
    createdAt: number;
    auditPages: string[];
    uiTests: boolean;
    importantMetricsBehavior?: Pipeline['sim']['importantMetricsBehavior'];
    variables?: Pipeline['variables'];
  },
): Pipeline {
  const { plan } = settings;
  return {
    id: String(Number(program.id) * 100 + number),
    programId: program.id,
    name: settings.name,
    trigger: settings.trigger,
    createdAt: settings.createdAt,
    updatedAt: settings.createdAt,
    phases: canonicalPhases(plan),
    type: 'CI_CD',
    variables: settings.variables ?? [],
    sim: {
      kind: plan.kind,
      importantMetricsBehavior: settings.importantMetricsBehavior ?? 'ASK',
      auditPages: settings.auditPages,
      uiTests: settings.uiTests,
    },
  };
}

interface HistoryEntry {
  outcome: OutcomePreset | Outcome;
  trigger?: 'PUSH_UPGRADES' | 'ON_COMMIT';
  reExecute?: boolean;
  rejectApproval?: boolean;
}

function historyPlan(count: number, rich: boolean): HistoryEntry[] {
  const plan: HistoryEntry[] = Array.from({ length: count }, () => ({ outcome: 'mix' }));
  if (!rich) return plan;
  // Guarantee the interesting cases in the first program's history; the last run succeeds.
  plan[3] = { outcome: 'importantQualityFailure' };
  plan[6] = { outcome: 'pass', trigger: 'PUSH_UPGRADES' };
  plan[9] = { outcome: 'criticalQualityFailure' };
  plan[12] = { outcome: 'testFailure' };
  plan[15] = { outcome: 'prodDeployFailure' };
  plan[16] = { outcome: 'pass', reExecute: true };
  plan[19] = { outcome: 'pass', rejectApproval: true };
  plan[22] = { outcome: 'auditRegression' };
  plan[count - 1] = { outcome: 'pass' };
  return plan;
}

function runToEnd(
  sim: Simulation,
  programId: string,
  pipelineId: string,
  startAt: number,
  entry: HistoryEntry,
  rng: ReturnType<typeof createRng>,
) {
  const state = sim.state;
  const at = Math.max(startAt, state.now);
  sim.advanceTo(at);
  if (sim.currentExecution(pipelineId)) return;
  state.settings.outcome = entry.outcome;
  let execution;
  if (entry.reExecute) {
    const last = sim.latestExecution(pipelineId);
    const prodDeploy = last?.steps.find((s) => sim.canReExecute(last, s));
    if (!prodDeploy) return;
    execution = sim.start(programId, pipelineId, at, { stepId: prodDeploy.stepId, user: seededActor('executionStart', `start:${at}`) });
  } else {
    const trigger = entry.trigger ?? 'MANUAL';
    const user = trigger === 'MANUAL' ? seededActor('executionStart', `start:${at}`) : undefined;
    execution = sim.start(programId, pipelineId, at, { trigger, user });
  }
  let now = at;
  while (isActiveExecution(execution) && now < at + 10 * DAY_MS) {
    now += 60_000;
    sim.advanceTo(now);
    const waiting = execution.steps.find((s) => s.status === 'WAITING');
    if (!waiting) continue;
    const decideAt = now + rng.int(1, 30) * 60_000;
    now = decideAt;
    const by = (permission: Permission) => seededActor(permission, `decide:${waiting.id}`);
    if (waiting.action === 'approval' && entry.rejectApproval)
      sim.cancel(execution, waiting, { kind: 'rejectApproval' }, decideAt, by('productionApprove'));
    else if (waiting.action === 'approval') sim.advance(execution, waiting, { kind: 'approve' }, decideAt, by('productionApprove'));
    else if (waiting.action === 'schedule')
      sim.advance(execution, waiting, { kind: 'scheduleImmediate' }, decideAt, by('productionSchedule'));
    else if (waiting.action === 'codeQuality')
      sim.advance(
        execution,
        waiting,
        { kind: 'override', kpis: sim.failingImportantKpis(execution, waiting) },
        decideAt,
        by('qualityOverride'),
      );
  }
}
