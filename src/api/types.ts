/**
 * Representations of the Cloud Manager API (reference/api.yaml), as the console reads them.
 * Enums are open (`| string`-free unions are checked at the edge by `known*` helpers) so an
 * unknown value from a server is shown as unknown instead of breaking the page.
 */

export interface HalLink {
  href: string;
  templated?: boolean;
  title?: string;
  type?: string;
  name?: string;
}

export type HalLinks = Record<string, HalLink | HalLink[] | undefined>;

export interface HalResource {
  _links?: HalLinks;
}

export interface PageDetails {
  start?: number;
  limit?: number;
  next?: number;
  prev?: number;
}

export interface HalList<K extends string, T> extends HalResource {
  _totalNumberOfItems?: number;
  _page?: PageDetails;
  _embedded?: { [key in K]?: T[] };
}

export type ProgramStatus = 'creating' | 'ready' | 'deleting' | 'deleted' | 'deleted_failed' | 'failed';

export interface EmbeddedProgram extends HalResource {
  id: string;
  name: string;
  enabled?: boolean;
  tenantId?: string;
  status?: ProgramStatus | string;
  createdAt?: string;
  updatedAt?: string;
}

export interface Program extends EmbeddedProgram {
  imsOrgId?: string;
  type?: 'aem_managed_services' | 'aem_cloud_service' | 'media_library' | string;
  capabilities?: { sandbox?: boolean };
  /** Simulator extension (not Adobe's): the solutions shown on a program card. */
  solutions?: string[];
  /**
   * Simulator extension (decision 19): the signed-in user's permission keys on this program;
   * absent on a real Cloud Manager (the console then gates nothing).
   */
  permissions?: string[];
}

/** Who did something (simulator extension, decision 19). */
export interface Actor {
  id: string;
  name: string;
}

export type EnvironmentType = 'dev' | 'stage' | 'prod' | 'rde' | 'preprod';

/** A log an environment offers: a service (author, publish, dispatcher, preview…) and a log name (aemerror…). */
export interface LogOption {
  service: string;
  name: string;
}

export interface Environment extends HalResource {
  id: string;
  programId?: string;
  name: string;
  description?: string;
  type: EnvironmentType | string;
  /** `ready`; `updating` while a change of its variables applies. */
  status?: string;
  region?: string;
  availableLogOptions?: LogOption[];
  /** Simulator extension (not Adobe's): the AEM release the environment runs. */
  aemRelease?: string;
}

/** One day of one log (`EnvironmentLog`): its `logs/download` link, and `logs/tail` for today's. */
export interface EnvironmentLog extends HalResource {
  service: string;
  name: string;
  /** The UTC day, `YYYY-MM-DD`. */
  date: string;
  programId?: number | string;
  environmentId?: number | string;
}

/** The answer of an environment's `logs` link: one download per day (newest first), service and log. */
export interface EnvironmentLogs extends HalResource {
  service?: string[];
  name?: string[];
  days?: number;
  _embedded?: { downloads?: EnvironmentLog[] };
}

export interface PipelineStep {
  name: string;
  options?: Record<string, unknown>;
}

export interface PipelinePhase {
  name?: string;
  type: 'VALIDATE' | 'BUILD' | 'DEPLOY' | string;
  repositoryId?: string;
  branch?: string;
  environmentId?: string;
  environmentType?: EnvironmentType | string;
  steps?: PipelineStep[];
}

export type PipelineStatus = 'IDLE' | 'BUSY' | 'WAITING';

export interface Pipeline extends HalResource {
  id: string;
  programId?: string;
  name: string;
  trigger?: 'ON_COMMIT' | 'MANUAL' | string;
  status?: PipelineStatus | string;
  createdAt?: string;
  updatedAt?: string;
  lastStartedAt?: string;
  lastFinishedAt?: string;
  phases: PipelinePhase[];
  type?: 'CI_CD' | 'CODE_GENERATOR' | string;
}

export type ExecutionStatus = 'NOT_STARTED' | 'RUNNING' | 'CANCELLING' | 'CANCELLED' | 'FINISHED' | 'ERROR' | 'FAILED';
export type ExecutionTrigger = 'ON_COMMIT' | 'MANUAL' | 'PUSH_UPGRADES' | 'RE_EXECUTE';
export type StepStatus =
  'NOT_STARTED' | 'RUNNING' | 'FINISHED' | 'ERROR' | 'ROLLING_BACK' | 'ROLLED_BACK' | 'WAITING' | 'CANCELLED' | 'FAILED' | 'INCOMPLETE';

export interface StepStateDetails {
  deployCommands?: string;
  currentDeployCommandId?: string;
  environmentUrls?: { instanceType?: string; instanceUrl?: string }[];
  deploymentStepDescription?: string;
  input?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StepState extends HalResource {
  id: string;
  stepId: string;
  phaseId: string;
  action: string;
  repository?: string;
  branch?: string;
  environment?: string;
  environmentId?: string;
  environmentType?: string;
  startedAt?: string;
  finishedAt?: string;
  updatedAt?: string;
  commitId?: string;
  details?: StepStateDetails;
  status: StepStatus | string;
  executionId?: string;
  pipelineId?: string;
  programId?: string;
}

export interface Execution extends HalResource {
  id: string;
  programId?: string;
  pipelineId?: string;
  artifactsVersion?: string;
  user?: string;
  status: ExecutionStatus | string;
  trigger?: ExecutionTrigger | string;
  pipelineExecutionMode?: 'NORMAL' | 'EMERGENCY' | string;
  createdAt?: string;
  updatedAt?: string;
  finishedAt?: string;
  pipelineType?: string;
  /** Simulator extension (decision 19): who started it (MANUAL, RE_EXECUTE runs). */
  startedBy?: Actor;
  _embedded?: { stepStates?: StepState[] };
}

export interface Metric {
  id?: string;
  severity?: 'critical' | 'important' | 'informational' | string;
  passed?: boolean;
  override?: boolean;
  actualValue?: string;
  expectedValue?: string;
  comparator?: 'GT' | 'GTE' | 'LT' | 'LTE' | 'EQ' | 'NEQ' | string;
  kpi?: string;
}

export interface StepMetrics {
  metrics?: Metric[];
}

export interface Artifact extends HalResource {
  id?: string;
  stepName: string;
  type: string;
  file?: string;
  format?: string;
  md5?: string;
}

export interface Redirect {
  redirect: string;
}

export type ProgramList = HalList<'programs', EmbeddedProgram>;
export type PipelineList = HalList<'pipelines', Pipeline>;
export type EnvironmentList = HalList<'environments', Environment>;
export type ExecutionList = HalList<'executions', Execution>;
export type ArtifactList = HalList<'artifacts', Artifact>;

export interface Repository extends HalResource {
  id: string;
  /** The repository name. */
  repo: string;
  description?: string;
  programId?: string;
  /** The git URL to clone. */
  repositoryUrl?: string;
}

/** The answer of a repository's `generatePassword` link (simulator extension): shown once, never stored. */
export interface RepositoryCredentials {
  username: string;
  password: string;
  repositoryUrl?: string;
}

export type RepositoryList = HalList<'repositories', Repository>;

export interface Branch extends HalResource {
  name: string;
  repositoryId?: number | string;
  programId?: string;
}

export type BranchList = HalList<'branches', Branch>;

export type VariableType = 'string' | 'secretString';

/** A pipeline (or environment) variable: a `secretString` never has its value in an answer. */
export interface Variable {
  name: string;
  type?: VariableType | string;
  value?: string;
  /** Environment variables only: author, publish or preview (none: every service). */
  service?: string;
  status?: string;
}

export type VariableList = HalList<'variables', Variable>;
