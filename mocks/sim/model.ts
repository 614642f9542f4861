/**
 * The simulated Cloud Manager's domain model: plain, JSON-serialisable data.
 * Field names follow the public API (reference/api.yaml); times are epoch milliseconds of
 * simulated time and are formatted only when rendered as HAL (mocks/api).
 * Everything under a `sim` key is the simulator's own and is never rendered as an Adobe field.
 */
import type { Journal } from './journal';
import type { Actor } from './users';

export type ProgramStatus = 'creating' | 'ready' | 'deleting' | 'deleted' | 'deleted_failed' | 'failed';
export type EnvironmentType = 'dev' | 'stage' | 'prod' | 'rde' | 'preprod';
export type ExecutionStatus = 'NOT_STARTED' | 'RUNNING' | 'CANCELLING' | 'CANCELLED' | 'FINISHED' | 'ERROR' | 'FAILED';
export type StepStatus =
  'NOT_STARTED' | 'RUNNING' | 'FINISHED' | 'ERROR' | 'ROLLING_BACK' | 'ROLLED_BACK' | 'WAITING' | 'CANCELLED' | 'FAILED' | 'INCOMPLETE';
/** The spec's enum plus RE_EXECUTE (documented on Experience League only). */
export type ExecutionTrigger = 'ON_COMMIT' | 'MANUAL' | 'PUSH_UPGRADES' | 'RE_EXECUTE';
/** Step actions (the spec's and Experience League's), in a production run's order. */
export const STEP_ACTIONS = [
  'validate',
  'build',
  'codeQuality',
  'buildImage',
  'deploy',
  'productTest',
  'functionalTest',
  'uiTest',
  'contentAudit',
  'approval',
  'schedule',
  'managed',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
export type PhaseType = 'VALIDATE' | 'BUILD' | 'DEPLOY';
export type Severity = 'critical' | 'important' | 'informational';
export type Comparator = 'GT' | 'GTE' | 'LT' | 'LTE' | 'EQ' | 'NEQ';

export const TERMINAL_EXECUTION: readonly ExecutionStatus[] = ['CANCELLED', 'FINISHED', 'ERROR', 'FAILED'];
export const TERMINAL_STEP: readonly StepStatus[] = ['FINISHED', 'ERROR', 'ROLLED_BACK', 'CANCELLED', 'FAILED', 'INCOMPLETE'];

export interface Program {
  id: string;
  name: string;
  enabled: boolean;
  tenantId: string;
  imsOrgId: string;
  status: ProgramStatus;
  type: 'aem_managed_services' | 'aem_cloud_service' | 'media_library';
  capabilities: { sandbox: boolean };
  createdAt: number;
  updatedAt: number;
  sim: {
    /** Simulator extension: solutions shown on the program card. */
    solutions: string[];
    /** The highest pipeline number (pipeline id − program id × 100) given so far, so a deleted pipeline's id is never reused. */
    lastPipelineNumber?: number;
  };
}

export interface Environment {
  id: string;
  programId: string;
  name: string;
  description: string;
  type: EnvironmentType;
  /** As stored; rendered `updating` while a change of its variables applies (environments.ts). */
  status: 'ready' | 'updating' | 'creating';
  region: string;
  authorUrl: string;
  publishUrl: string;
  /**
   * Present when the environment has the preview service (Sites programs, dev and prod
   * environments); its log options follow from it (environments.ts `logOptionsOf`).
   */
  previewUrl?: string;
  /** Simulator extension (not Adobe's): the AEM release it runs; a successful push-update deployment changes it. */
  aemRelease: string;
  /** The environment's variables (the spec's `variables` link), in the order they were created. */
  variables: EnvironmentVariable[];
  sim: {
    /**
     * Changes of its variables, oldest first: each takes 2 simulated minutes to apply. Kept for
     * 15 days (and at most 1000), as the environment's logs mention them.
     */
    updates: EnvironmentUpdate[];
  };
}

/** A log an environment offers: `service` (author, publish, dispatcher, preview, preview_dispatcher) and `name` (aemerror, …). */
export interface LogOption {
  service: string;
  name: string;
}

/** The services an environment variable can be limited to (none: all services). */
export type VariableService = 'author' | 'publish' | 'preview';

/** An environment variable as stored: the same as a pipeline's, plus the service it applies to. */
export interface EnvironmentVariable extends PipelineVariable {
  /** Absent: every service. */
  service?: VariableService;
}

/** A change of an environment's variables, applying from `at` until `until`. */
export interface EnvironmentUpdate {
  at: number;
  until: number;
  /** The variables it created, changed or deleted (names only: never a value). */
  variables: { name: string; service?: VariableService }[];
}

export interface Repository {
  id: string;
  programId: string;
  name: string;
  branches: Branch[];
}

/** A git branch of a repository. */
export interface Branch {
  name: string;
  /** The last commit pushed through the simulator (`POST /_sim/push`); a run of the branch builds it. */
  commitId?: string;
  /** Its commit message. */
  message?: string;
  /** The pull request the commit came from (`POST /_sim/push` with `pullRequest`): its URL. */
  pullRequestUrl?: string;
}

export interface PipelineStepDefinition {
  name: StepAction;
  options?: Record<string, unknown>;
}

export interface PipelinePhase {
  name: string;
  type: PhaseType;
  repositoryId?: string;
  branch?: string;
  environmentId?: string;
  environmentType?: EnvironmentType;
  steps: PipelineStepDefinition[];
}

/** What to do when important code-quality metrics fail ("Important Metric Failures Behavior"). */
export type ImportantMetricsBehavior = 'ASK' | 'FAIL' | 'CONTINUE';

export type VariableType = 'string' | 'secretString';

/**
 * A pipeline variable as stored. A `secretString` value is write-only: it is checked when it is
 * set and then dropped — never stored, never rendered, never copied into an execution or a log.
 */
export interface PipelineVariable {
  name: string;
  type: VariableType;
  /** Absent for a `secretString`. */
  value?: string;
}

/** A variable as a run received it (a secret: its name and type). */
export type RunVariable = PipelineVariable;

export interface Pipeline {
  id: string;
  programId: string;
  name: string;
  trigger: 'ON_COMMIT' | 'MANUAL';
  createdAt: number;
  updatedAt: number;
  phases: PipelinePhase[];
  type: 'CI_CD' | 'CODE_GENERATOR';
  /** The pipeline's variables (the spec's `variables` link), in the order they were created. */
  variables: PipelineVariable[];
  /**
   * Simulator extension (not Adobe's): the UI category, and the settings the API renders as step
   * options (codeQuality `importantMetricFailuresBehavior`, contentAudit `pages`).
   */
  sim: {
    kind: PipelineKind;
    importantMetricsBehavior: ImportantMetricsBehavior;
    /** Experience audit page paths (at most 25; `/` when none are configured). */
    auditPages: string[];
    /** Whether the custom UI test step exists in this pipeline's runs. */
    uiTests: boolean;
    /** The build cache was invalidated (or the pipeline has never built): the next build starts without it. */
    buildCacheEmpty?: boolean;
  };
}

/** The console's pipeline categories: Production, Non-Production · Deployment, Non-Production · Code Quality. */
export type PipelineKind = 'production' | 'nonProductionDeployment' | 'codeQuality';

export interface Metric {
  id: string;
  severity: Severity;
  passed: boolean;
  override: boolean;
  actualValue: string;
  expectedValue: string;
  comparator: Comparator;
  kpi: string;
}

export interface StepState {
  id: string;
  stepId: string;
  phaseId: string;
  action: StepAction;
  repository?: string;
  branch?: string;
  environment?: string;
  environmentId?: string;
  environmentType?: EnvironmentType;
  startedAt?: number;
  finishedAt?: number;
  updatedAt: number;
  commitId?: string;
  status: StepStatus;
  details: Record<string, unknown>;
  sim: StepPlan;
}

/** How a step will play out, decided when the execution starts (seeded). */
export interface StepPlan {
  /** Simulated run time of the step in ms (for holds: the time before the hold starts). */
  durationMs: number;
  /** The status the step ends with when it runs to its end on its own. */
  result: 'FINISHED' | 'FAILED' | 'ERROR' | 'INCOMPLETE';
  /** Set while the step waits for a user decision. */
  waitingSince?: number;
  /** Schedule step: the simulated time at which the deployment was scheduled to start. */
  scheduledFor?: number;
  /**
   * Deploy step that became due while its environment applied a variables change: it waited
   * (RUNNING, `details.waitingFor`) and deploys from this time on.
   */
  deployFrom?: number;
  /** Build step of a re-execution: artifacts copied from this execution id. */
  reusedArtifactsFrom?: string;
  /** Error messages shown in the step errors box when it fails. */
  errors?: string[];
  /** A test step stopped at its time limit (TEST_TIME_LIMITS_MS): it fails with `details.timedOut`. */
  timedOut?: boolean;
  /** Why the step ended the way it did when a user or a timeout decided it. */
  endedBy?: 'override' | 'reject' | 'approve' | 'cancel' | 'timeout' | 'behavior';
  /**
   * Who decided the step and when (approve, reject, override, reject quality, schedule, cancel);
   * rendered as `details.decidedBy` and `details.decidedAt`. Absent when nobody did (a timeout,
   * the pipeline's behaviour setting, states saved before issue 14).
   */
  decision?: { by: Actor; at: number };
  /** Schedule step: who scheduled the deployment for later (`details.scheduledBy`; a cancel then decides it again). */
  scheduledBy?: Actor;
  /**
   * What the run was configured with when it started (absent in states saved before issue 12: the
   * pipeline's settings apply). codeQuality: the important metric failures behaviour.
   */
  importantMetricsBehavior?: ImportantMetricsBehavior;
  /** contentAudit: the pages audited (empty: the homepage). */
  auditPages?: string[];
  /** build: the pipeline variables the build received (secrets without their value). */
  variables?: RunVariable[];
  /** build: whether the build cache was restored or empty (invalidated). */
  buildCache?: 'restored' | 'empty';
}

export interface Execution {
  id: string;
  programId: string;
  pipelineId: string;
  artifactsVersion: string;
  user: string;
  status: ExecutionStatus;
  trigger: ExecutionTrigger;
  pipelineExecutionMode: 'NORMAL' | 'EMERGENCY';
  createdAt: number;
  updatedAt: number;
  finishedAt?: number;
  pipelineType: 'CI_CD' | 'CODE_GENERATOR';
  steps: StepState[];
  sim: {
    /** Seed of this execution's random content (logs, metrics, scores). */
    seed: number;
    outcome: Outcome;
    commitId: string;
    /** The message of a commit pushed through the simulator (absent: the build log makes one up). */
    commitMessage?: string;
    /** The pull request the built commit came from: the build step's `details.pullRequestUrl`. */
    pullRequestUrl?: string;
    /** The execution whose artifacts a re-execution reuses. */
    sourceExecutionId?: string;
    /** Who started it (MANUAL and RE_EXECUTE runs), rendered as the extension `startedBy`. */
    startedBy?: Actor;
    /** The scenario's plan for this run (scenario.ts), when a scenario scripted it. */
    plan?: RunPlan;
  };
}

/**
 * A step of a run as a scenario names it: its action, except that a deployment is named by where
 * it deploys (`devDeploy`, `stageDeploy`, `prodDeploy`).
 */
export const SCRIPT_STEPS = [
  'validate',
  'build',
  'codeQuality',
  'buildImage',
  'devDeploy',
  'stageDeploy',
  'productTest',
  'functionalTest',
  'uiTest',
  'contentAudit',
  'prodDeploy',
] as const;
export type ScriptStep = (typeof SCRIPT_STEPS)[number];

/** The steps that hold a run for a decision, as a scenario names them. */
export const HOLD_STEPS = ['codeQuality', 'approval', 'schedule'] as const;
export type HoldStep = (typeof HOLD_STEPS)[number];

/**
 * What happens at a hold: `wait` for a user (up to 14 days, as always), `timeout` after `afterMs`
 * (14 days by default), or the scenario decides after `afterMs` (1 minute by default): `accept`
 * (override every failing important metric, approve, deploy now) or `reject`.
 */
export interface HoldPlan {
  then: 'wait' | 'timeout' | 'accept' | 'reject';
  afterMs?: number;
}

/** Code quality metric values a scenario fixes, by KPI (ratings 'A'…'E', numbers as text). */
export type MetricValues = Partial<Record<string, string>>;

/** One run of a scenario's script (mocks/sim/scenario.ts checks it; docs/scenarios.md describes it). */
export interface RunPlan {
  codeQuality: Outcome['codeQuality'];
  tests: Outcome['tests'];
  deploy: Outcome['deploy'];
  audit: Outcome['audit'];
  /** The step that fails, and the message of its errors box. */
  failAt?: { step: ScriptStep; message: string };
  /** Code quality metric values, overriding the generated ones. */
  metrics?: MetricValues;
  /** Experience audit scores (the aggregate, i.e. every audited page's mobile score), by category. */
  auditScores?: Partial<Record<'performance' | 'accessibility' | 'best-practices' | 'seo' | 'pwa', number>>;
  holds?: Partial<Record<HoldStep, HoldPlan>>;
}

/** Opt-in behaviours of the real Cloud Manager API that clients have tripped over (docs/scenarios.md). */
export interface Quirks {
  /** After its last step ends, the execution stays RUNNING with no current step for this long (simulated ms). */
  noCurrentStepMs?: number;
  /** A step of this action, once FINISHED, is rendered with this status (outside the spec's enum). */
  unknownStepStatus?: { action: StepAction; status: string };
  /** Every API request is answered 503 with a maintenance body for this many (wall-clock) seconds from when it is set. */
  maintenance?: { seconds: number; message?: string };
  /** Every API request is answered this many (wall-clock) ms late. */
  delayMs?: number;
}

/** The scenario loaded (mocks/sim/scenario.ts): what is left of its script, and its quirks. */
export interface ScenarioState {
  name: string;
  /** The scenario as loaded (a reset without a seed loads it again). */
  source: unknown;
  /** Runs still to come, per pipeline id, in order; a pipeline without any runs with the settings' outcome. */
  script: Record<string, RunPlan[]>;
  quirks: Quirks;
  /** Wall-clock ms until which the API answers 503 (quirks.maintenance). */
  maintenanceUntil?: number;
}

/** What the next runs will do; chosen through the simulation controls. */
export interface Outcome {
  codeQuality: 'pass' | 'critical' | 'important' | 'info';
  tests:
    'pass' | 'productTestFailure' | 'functionalTestFailure' | 'uiTestFailure' | 'noCustomTests' | 'functionalTestTimeout' | 'uiTestTimeout';
  deploy: 'pass' | 'stageFailure' | 'prodFailure';
  /** 'steady': no per-run noise and no shift, so every run gives the pages' stable baseline. */
  audit: 'normal' | 'regression' | 'improvement' | 'steady';
}

export type OutcomePreset =
  | 'mix'
  | 'pass'
  | 'criticalQualityFailure'
  | 'importantQualityFailure'
  | 'testFailure'
  | 'noCustomTests'
  | 'functionalTestTimeout'
  | 'uiTestTimeout'
  | 'stageDeployFailure'
  | 'prodDeployFailure'
  | 'auditRegression'
  | 'auditSteady';

export interface SimSettings {
  /** Simulated milliseconds per wall-clock millisecond. */
  speed: number;
  /** Wall time and simulated time at the moment the speed last changed (or the clock jumped). */
  anchorWall: number;
  anchorSim: number;
  /** Outcome of runs started from now on; 'mix' draws a realistic mix from the seed. */
  outcome: OutcomePreset | Outcome;
  /** Href layout: 'standard' (Adobe's paths) or 'alternate' (same resources under another path layout). */
  layout: 'standard' | 'alternate';
}

/** The version of SimState's shape; mocks/sim/migrate.ts upgrades saved states of earlier versions. */
export const STATE_VERSION = 4;

export interface SimState {
  version: typeof STATE_VERSION;
  seed: number;
  /** Simulated time up to which the state has been advanced. */
  now: number;
  settings: SimSettings;
  nextId: number;
  programs: Program[];
  environments: Environment[];
  repositories: Repository[];
  pipelines: Pipeline[];
  /** All executions, oldest first. */
  executions: Execution[];
  /** Every transition of a run since the seed (or the last reset), bounded (journal.ts). */
  journal: Journal;
  /** The scenario loaded, if any (`--scenario`, `PUT /_sim/scenario`). */
  scenario?: ScenarioState;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOLD_TIMEOUT_MS = 14 * DAY_MS;
/** Cloud Manager's time limits of the customer's test steps: custom functional tests 60 minutes, custom UI tests 30. */
export const TEST_TIME_LIMITS_MS = { functionalTest: 60 * 60_000, uiTest: 30 * 60_000 } as const;
