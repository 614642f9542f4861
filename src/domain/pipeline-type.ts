/**
 * What kind of pipeline this is, derived from its phases (the API has no such field):
 * a DEPLOY phase to `prod` = production; other DEPLOY phases = non-production deployment;
 * no DEPLOY phase = non-production code quality.
 */
import type { PipelineKind } from '../api/pipeline-bodies';
import type { Pipeline, PipelinePhase } from '../api/types';

export type PipelineCategory = PipelineKind;

export function pipelineCategory(pipeline: Pick<Pipeline, 'phases'>): PipelineCategory {
  const deploys = (pipeline.phases ?? []).filter((phase) => phase.type === 'DEPLOY');
  if (deploys.some((phase) => phase.environmentType === 'prod')) return 'production';
  return deploys.length > 0 ? 'deployment' : 'codeQuality';
}

const LABELS: Record<PipelineCategory, string> = {
  production: 'Production',
  deployment: 'Non-Production · Deployment',
  codeQuality: 'Non-Production · Code Quality',
};

/** "Production", "Non-Production · Deployment", "Non-Production · Code Quality". */
export function pipelineTypeLabel(pipeline: Pick<Pipeline, 'phases'>): string {
  return LABELS[pipelineCategory(pipeline)];
}

export function isProductionPipeline(pipeline: Pick<Pipeline, 'phases'>): boolean {
  return pipelineCategory(pipeline) === 'production';
}

/** The phase that names the code: the BUILD phase, else the first phase with a repository. */
export function sourcePhase(pipeline: Pick<Pipeline, 'phases'>): PipelinePhase | undefined {
  const phases = pipeline.phases ?? [];
  return phases.find((phase) => phase.type === 'BUILD') ?? phases.find((phase) => phase.repositoryId);
}

/** The environment the pipeline deploys to (the last DEPLOY phase). */
export function deployPhase(pipeline: Pick<Pipeline, 'phases'>): PipelinePhase | undefined {
  return [...(pipeline.phases ?? [])].reverse().find((phase) => phase.type === 'DEPLOY');
}

/** "Manual", "On Git Changes"; an unknown trigger as its raw value. */
export function pipelineTriggerLabel(trigger: string | undefined): string {
  if (trigger === 'MANUAL') return 'Manual';
  if (trigger === 'ON_COMMIT') return 'On Git Changes';
  return trigger ?? '-';
}

/**
 * Activity's ACTION: "Full Stack Pipeline Execution" (every deploying pipeline this console
 * configures deploys full stack code), "Code Quality Pipeline Execution" for a code quality one.
 */
export function executionActionLabel(pipeline: Pick<Pipeline, 'phases'>): string {
  return pipelineCategory(pipeline) === 'codeQuality' ? 'Code Quality Pipeline Execution' : 'Full Stack Pipeline Execution';
}

/** An execution's trigger in words: "Manual", "On commit", "Push update", "Re-execute". */
export function executionTriggerLabel(trigger: string | undefined): string {
  switch (trigger) {
    case 'MANUAL':
      return 'Manual';
    case 'ON_COMMIT':
      return 'On commit';
    case 'PUSH_UPGRADES':
      return 'Push update';
    case 'RE_EXECUTE':
      return 'Re-execute';
    default:
      return trigger ?? '-';
  }
}

/** "WKND — MAIN" (shown in small caps): the repository's name from the program's repositories, else its id. */
export function repoBranchLabel(pipeline: Pick<Pipeline, 'phases'>, repositories: { id: string; repo: string }[] | undefined): string {
  const phase = sourcePhase(pipeline);
  if (!phase) return '';
  const repo = repositories?.find((r) => r.id === phase.repositoryId)?.repo ?? phase.repositoryId ?? '';
  return [repo, phase.branch].filter(Boolean).join(' — ');
}
