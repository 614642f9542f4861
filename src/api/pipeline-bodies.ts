/**
 * The request bodies of the pipeline operations (reference/api.yaml, and the simulator's
 * documented extensions): the body that adds a pipeline (POST to the PipelineList's
 * `createPipeline` link), the `PipelineUpdate` that edits one (PATCH its self link), and the
 * `PipelineVariableUpdate[]` that changes its variables (PATCH its variables link).
 */
import type { VariableType } from './types';

/** What a pipeline does: deploys to stage then production, deploys to a dev environment, or only checks code quality. */
export type PipelineKind = 'production' | 'deployment' | 'codeQuality';
export type PipelineTrigger = 'MANUAL' | 'ON_COMMIT';
/** Important Metric Failures Behavior: Ask every time, Fail Immediately, Continue Immediately. */
export type ImportantMetricFailuresBehavior = 'ASK' | 'FAIL' | 'CONTINUE';

/** Everything the Add / Edit Pipeline dialogs set. */
export interface PipelineSettings {
  kind: PipelineKind;
  name: string;
  trigger: PipelineTrigger;
  behavior: ImportantMetricFailuresBehavior;
  repositoryId: string;
  branch: string;
  /** Production: the stage and production environments. */
  stageEnvironmentId?: string;
  prodEnvironmentId?: string;
  /** Non-production deployment: the dev environment. */
  devEnvironmentId?: string;
  /** Production: "Pause before deploying to Production" (the approval step). */
  approval: boolean;
  /** Production: "Scheduled" (the schedule step). */
  schedule: boolean;
  /** Production: the Experience Audit pages (none: the homepage). */
  pages: string[];
}

export interface StepBody {
  name: string;
  options?: { importantMetricFailuresBehavior?: ImportantMetricFailuresBehavior; pages?: string[] };
}

export interface PhaseBody {
  type: 'BUILD' | 'DEPLOY';
  repositoryId?: string;
  branch?: string;
  environmentId?: string;
  steps?: StepBody[];
}

/** Adds a pipeline (simulator extension: the shape of a Pipeline) or edits one (`PipelineUpdate` + name and trigger). */
export interface PipelineBody {
  name: string;
  trigger: PipelineTrigger;
  phases: PhaseBody[];
}

/**
 * One entry of a variables PATCH (`PipelineVariableUpdate`, or `EnvironmentVariableUpdate` with
 * its `service`): an empty value deletes the variable.
 */
export interface VariableUpdate {
  name: string;
  value: string;
  type?: VariableType;
  /** Environment variables: the one service it is for (author, publish, preview); absent = every service. */
  service?: string;
}

function phasesOf(settings: PipelineSettings): PhaseBody[] {
  const build: PhaseBody = {
    type: 'BUILD',
    repositoryId: settings.repositoryId,
    branch: settings.branch,
    steps: [{ name: 'codeQuality', options: { importantMetricFailuresBehavior: settings.behavior } }],
  };
  if (settings.kind === 'deployment') return [build, { type: 'DEPLOY', environmentId: settings.devEnvironmentId }];
  if (settings.kind === 'codeQuality') return [build];
  const holds: StepBody[] = [...(settings.approval ? [{ name: 'approval' }] : []), ...(settings.schedule ? [{ name: 'schedule' }] : [])];
  return [
    build,
    // Without a stage environment the server adds the stage phase itself (and refuses when the program has none).
    ...(settings.stageEnvironmentId
      ? [
          {
            type: 'DEPLOY' as const,
            environmentId: settings.stageEnvironmentId,
            steps: [{ name: 'contentAudit', options: { pages: settings.pages } }],
          },
        ]
      : []),
    { type: 'DEPLOY', environmentId: settings.prodEnvironmentId, steps: [...holds, { name: 'deploy' }] },
  ];
}

/**
 * The body that adds a pipeline: name, trigger, the BUILD phase (repository, branch, the code
 * quality behaviour) and the DEPLOY phases that make its kind (stage with the audit pages and prod
 * with the chosen holds; a dev environment; none for code quality). The server fills in the rest.
 */
export function createPipelineBody(settings: PipelineSettings): PipelineBody {
  return { name: settings.name.trim(), trigger: settings.trigger, phases: phasesOf(settings) };
}

/**
 * The `PipelineUpdate` that makes a pipeline match `settings`: its phases matched by type and
 * environment (the BUILD phase's repository and branch, the deploy environment, each step's
 * options; in the production phase, `steps` listing exactly the holds wanted), plus the name and
 * trigger (simulator extensions).
 */
export function updatePipelineBody(settings: PipelineSettings): PipelineBody {
  return createPipelineBody(settings);
}

type Named = { name: string; service?: string };

/** `service` when the variable is for one service (environments); nothing for every service. */
const serviceOf = ({ service }: Named) => (service ? { service } : {});

/**
 * The variables PATCH: only what changed; a deleted variable is sent with an empty value. An
 * environment variable is identified by its name and service, so its service goes with it.
 */
export function variablesBody(changes: {
  added: (Named & { type: VariableType; value: string })[];
  changed: (Named & { type: VariableType; value: string })[];
  deleted: Named[];
}): VariableUpdate[] {
  return [
    ...changes.added.map((v) => ({ name: v.name, type: v.type, value: v.value, ...serviceOf(v) })),
    ...changes.changed.map((v) => ({ name: v.name, type: v.type, value: v.value, ...serviceOf(v) })),
    ...changes.deleted.map((v) => ({ name: v.name, value: '', ...serviceOf(v) })),
  ];
}
