/**
 * The settings of a pipeline as the Add / Edit Pipeline dialogs show them: read from a pipeline's
 * representation (for Edit), and the rules a user's input must follow, in Cloud Manager's words.
 * The server checks the same rules; these only let the dialog say so in place before sending.
 */
import type { ImportantMetricFailuresBehavior, PipelineKind, PipelineSettings } from '../api/pipeline-bodies';
import type { Pipeline } from '../api/types';
import { pipelineCategory } from './pipeline-type';

export const PIPELINE_NAME_MAX = 64;
export const AUDIT_PAGES_MAX = 25;

export const BEHAVIOR_LABELS: Record<ImportantMetricFailuresBehavior, string> = {
  ASK: 'Ask every time',
  FAIL: 'Fail Immediately',
  CONTINUE: 'Continue Immediately',
};

/** A new pipeline of `kind`: Manual, Ask every time, no holds, no audit pages. */
export function newPipelineSettings(kind: PipelineKind): PipelineSettings {
  return { kind, name: '', trigger: 'MANUAL', behavior: 'ASK', repositoryId: '', branch: '', approval: false, schedule: false, pages: [] };
}

const BEHAVIORS = Object.keys(BEHAVIOR_LABELS) as ImportantMetricFailuresBehavior[];

/**
 * The settings a pipeline has now (Edit's pre-fill): name, trigger, the BUILD phase's repository
 * and branch, its environments, the holds of its production phase, the code quality step's
 * behaviour and the experience audit step's pages.
 */
export function settingsOfPipeline(pipeline: Pipeline): PipelineSettings {
  const phases = pipeline.phases ?? [];
  const build = phases.find((phase) => phase.type === 'BUILD');
  const deployTo = (type: string) => phases.find((phase) => phase.type === 'DEPLOY' && phase.environmentType === type);
  const steps = phases.flatMap((phase) => phase.steps ?? []);
  const prodSteps = deployTo('prod')?.steps ?? [];
  const behavior = steps.find((step) => step.name === 'codeQuality')?.options?.importantMetricFailuresBehavior;
  const pages = steps.find((step) => step.name === 'contentAudit')?.options?.pages;
  return {
    kind: pipelineCategory(pipeline),
    name: pipeline.name,
    trigger: pipeline.trigger === 'ON_COMMIT' ? 'ON_COMMIT' : 'MANUAL',
    behavior: BEHAVIORS.find((b) => b === behavior) ?? 'ASK',
    repositoryId: build?.repositoryId ?? '',
    branch: build?.branch ?? '',
    stageEnvironmentId: deployTo('stage')?.environmentId,
    prodEnvironmentId: deployTo('prod')?.environmentId,
    devEnvironmentId: phases.find(
      (phase) => phase.type === 'DEPLOY' && phase.environmentType !== 'prod' && phase.environmentType !== 'stage',
    )?.environmentId,
    approval: prodSteps.some((step) => step.name === 'approval'),
    schedule: prodSteps.some((step) => step.name === 'schedule'),
    pages: Array.isArray(pages) ? pages.filter((page): page is string => typeof page === 'string') : [],
  };
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Why `name` cannot name a pipeline of a program whose other pipelines are named `otherNames`; undefined when it can. */
export function pipelineNameProblem(name: string, otherNames: string[]): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter a pipeline name.';
  if (trimmed.length > PIPELINE_NAME_MAX)
    return `A pipeline name has at most ${PIPELINE_NAME_MAX} characters (this one has ${trimmed.length}).`;
  if (otherNames.some((other) => sameName(other, trimmed))) return `The program already has a pipeline named "${trimmed}".`;
  return undefined;
}

/** Why `branch` cannot be built: none chosen, or not one of the repository's `branches` (when they are known). */
export function branchProblem(branch: string, branches: string[] | undefined, repositoryName: string | undefined): string | undefined {
  if (!branch.trim()) return 'Choose a Git branch.';
  if (branches && !branches.includes(branch)) return `There is no branch "${branch}" in ${repositoryName ?? 'this repository'}.`;
  return undefined;
}

/** Why `path` cannot be added to the Experience Audit pages `pages`; undefined when it can. */
export function auditPageProblem(path: string, pages: string[]): string | undefined {
  if (!path) return 'Enter a page path, e.g. /content/site/en.html.';
  if (!path.startsWith('/')) return 'A page path starts with "/".';
  if (pages.includes(path)) return `${path} is already in the list.`;
  if (pages.length >= AUDIT_PAGES_MAX) return `At most ${AUDIT_PAGES_MAX} pages are audited: remove one to add another.`;
  return undefined;
}

/** The page's full URL on the stage publish service (`https://publish-…/path`), or the path alone without one. */
export function auditPageUrl(publishUrl: string | undefined, path: string): string {
  return publishUrl ? `${publishUrl.replace(/\/+$/, '')}${path}` : path;
}
