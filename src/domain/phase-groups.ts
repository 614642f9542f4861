/**
 * How the timeline is grouped. Production pipelines: Cloud Manager's three groups, decided by each
 * step's action and environment type (not by the API's phaseId). Other pipelines: the API phases.
 */
import type { Pipeline, StepState } from '../api/types';
import { isProdDeploy } from './step-labels';

export interface PhaseGroup {
  key: string;
  title: string;
  steps: StepState[];
}

export type PhaseGroupState = 'Done' | 'Failed' | 'Cancelled' | 'Waiting' | 'Running' | 'Pending';

const STAGE_DEPLOYMENT = new Set(['validate', 'build', 'codeQuality', 'buildImage']);
const STAGE_TESTING = new Set(['productTest', 'functionalTest', 'uiTest', 'contentAudit']);
const PRODUCTION = new Set(['approval', 'schedule', 'managed']);

type ProductionGroup = 'stageDeployment' | 'stageTesting' | 'production';

const PRODUCTION_TITLES: Record<ProductionGroup, string> = {
  stageDeployment: 'Stage Deployment',
  stageTesting: 'Stage testing',
  production: 'Production Deployment',
};

function productionGroupOf(step: StepState): ProductionGroup | undefined {
  if (STAGE_DEPLOYMENT.has(step.action)) return 'stageDeployment';
  if (step.action === 'deploy') return isProdDeploy(step) ? 'production' : 'stageDeployment';
  if (STAGE_TESTING.has(step.action)) return 'stageTesting';
  if (PRODUCTION.has(step.action)) return 'production';
  return undefined;
}

/** Production: up to three groups, only those that have steps (a re-execution has fewer). */
export function productionGroups(steps: StepState[]): PhaseGroup[] {
  const byGroup: Record<ProductionGroup, StepState[]> = { stageDeployment: [], stageTesting: [], production: [] };
  let previous: ProductionGroup = 'stageDeployment';
  for (const step of steps) {
    // An action this console does not know stays with the step before it.
    const group: ProductionGroup = productionGroupOf(step) ?? previous;
    byGroup[group].push(step);
    previous = group;
  }
  return (Object.keys(byGroup) as ProductionGroup[])
    .filter((key) => byGroup[key].length > 0)
    .map((key) => ({ key, title: PRODUCTION_TITLES[key], steps: byGroup[key] }));
}

function phaseTitle(type: string | undefined, environmentType: string | undefined, fallback: string): string {
  if (type === 'VALIDATE') return 'Validation';
  if (type === 'BUILD') return 'Build';
  if (type === 'DEPLOY')
    return environmentType
      ? `Deploy to ${environmentType === 'dev' ? 'Dev' : environmentType === 'stage' ? 'Stage' : environmentType === 'prod' ? 'Production' : environmentType}`
      : 'Deployment';
  return fallback;
}

/** Non-production: consecutive steps of one API phase form a group, titled after the pipeline phase. */
export function apiPhaseGroups(steps: StepState[], pipeline: Pick<Pipeline, 'phases'> | undefined): PhaseGroup[] {
  const groups: PhaseGroup[] = [];
  for (const step of steps) {
    const last = groups[groups.length - 1];
    if (last && last.key === `phase-${step.phaseId}`) last.steps.push(step);
    else groups.push({ key: `phase-${step.phaseId}`, title: '', steps: [step] });
  }
  const phases = pipeline?.phases ?? [];
  return groups.map((group, index) => {
    const phase = phases.length === groups.length ? phases[index] : undefined;
    const first = group.steps[0];
    const type =
      phase?.type ??
      (first.action === 'validate' ? 'VALIDATE' : first.action === 'deploy' ? 'DEPLOY' : first.action === 'build' ? 'BUILD' : undefined);
    return { ...group, title: phaseTitle(type, phase?.environmentType ?? first.environmentType, phase?.name ?? `Phase ${index + 1}`) };
  });
}

export function groupSteps(steps: StepState[], production: boolean, pipeline?: Pick<Pipeline, 'phases'>): PhaseGroup[] {
  return production ? productionGroups(steps) : apiPhaseGroups(steps, pipeline);
}

const DONE = new Set(['FINISHED', 'INCOMPLETE']);
const FAILED = new Set(['FAILED', 'ERROR', 'ROLLED_BACK']);

export function phaseGroupState(group: PhaseGroup): PhaseGroupState {
  const statuses = group.steps.map((step) => step.status);
  if (statuses.some((s) => FAILED.has(s))) return 'Failed';
  if (statuses.some((s) => s === 'CANCELLED')) return 'Cancelled';
  if (statuses.some((s) => s === 'WAITING')) return 'Waiting';
  if (statuses.some((s) => s === 'RUNNING' || s === 'ROLLING_BACK')) return 'Running';
  if (statuses.length > 0 && statuses.every((s) => DONE.has(s))) return 'Done';
  return 'Pending';
}

/**
 * Pending steps built from the pipeline's phases (for the "Not started" page): every step greyed,
 * with its static metadata (repository, branch).
 */
export function pendingStepsOf(pipeline: Pipeline, repositoryName?: (repositoryId: string | undefined) => string | undefined): StepState[] {
  return (pipeline.phases ?? []).flatMap((phase, phaseIndex) =>
    (phase.steps ?? []).map((step, stepIndex) => ({
      id: `pending-${phaseIndex}-${stepIndex}`,
      stepId: `pending-${phaseIndex}-${stepIndex}`,
      phaseId: String(phaseIndex),
      action: step.name,
      status: 'NOT_STARTED',
      environmentType: phase.environmentType,
      environmentId: phase.environmentId,
      branch: phase.branch,
      repository: repositoryName?.(phase.repositoryId),
    })),
  );
}
