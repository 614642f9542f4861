/**
 * The phases and steps of each kind of pipeline, in Cloud Manager's order. A pipeline's step list
 * is always one of these: the only choices are the production holds (approval, schedule) and
 * whether custom UI tests run.
 */
import type { EnvironmentType, PipelineKind, PipelinePhase, StepAction } from './model';

/** Where a phase sits in a pipeline: what it builds, or where it deploys to. */
export type PhaseRole = 'build' | 'dev' | 'stage' | 'prod';

/** The production holds, in the order they run before the production deployment. */
export const HOLDS = ['approval', 'schedule'] as const satisfies readonly StepAction[];
export type Hold = (typeof HOLDS)[number];

/** Every step a phase of `role` can have in a pipeline of `kind` (holds included), in order. */
export function stepsOf(role: PhaseRole, kind: PipelineKind): readonly StepAction[] {
  switch (role) {
    case 'build':
      return kind === 'codeQuality' ? ['build', 'codeQuality'] : ['build', 'codeQuality', 'buildImage'];
    case 'stage':
      return ['deploy', 'productTest', 'functionalTest', 'uiTest', 'contentAudit'];
    case 'prod':
      return [...HOLDS, 'deploy'];
    case 'dev':
      return ['deploy'];
  }
}

/** The steps of a phase of `role`, with only the holds in `holds`. */
export function phaseSteps(role: PhaseRole, kind: PipelineKind, holds: readonly Hold[]): PipelinePhase['steps'] {
  return stepsOf(role, kind)
    .filter((name) => !isHold(name) || holds.includes(name))
    .map((name) => ({ name }));
}

const isHold = (name: StepAction): name is Hold => (HOLDS as readonly StepAction[]).includes(name);

/** How errors name a phase of `role`. */
export const phaseLabel = (role: PhaseRole) => (role === 'build' ? 'BUILD phase' : `DEPLOY ${role} phase`);

/** The role of a phase: BUILD, or a DEPLOY phase by its environment type (undefined for VALIDATE or rde/preprod). */
export function roleOf(phase: Pick<PipelinePhase, 'type' | 'environmentType'>): PhaseRole | undefined {
  if (phase.type === 'BUILD') return 'build';
  if (phase.type !== 'DEPLOY') return undefined;
  const type = phase.environmentType;
  return type === 'dev' || type === 'stage' || type === 'prod' ? type : undefined;
}

/** The DEPLOY phases each kind has, by environment type. */
const DEPLOYS: Record<PipelineKind, readonly EnvironmentType[]> = {
  production: ['stage', 'prod'],
  nonProductionDeployment: ['dev'],
  codeQuality: [],
};

export interface PhasePlan {
  kind: PipelineKind;
  repositoryId: string;
  branch: string;
  /** The environment of each DEPLOY phase of the kind. */
  environments: Partial<Record<EnvironmentType, string>>;
  holds: readonly Hold[];
}

const PHASE_NAMES: Record<PhaseRole, string> = { build: 'BUILD_1', dev: 'DEPLOY_DEV', stage: 'DEPLOY_STAGE', prod: 'DEPLOY_PROD' };

/** The canonical phases of a pipeline: VALIDATE, BUILD, then the kind's DEPLOY phases. */
export function canonicalPhases(plan: PhasePlan): PipelinePhase[] {
  const { kind } = plan;
  const steps = (role: PhaseRole) => phaseSteps(role, kind, plan.holds);
  const phases: PipelinePhase[] = [
    { name: 'VALIDATE', type: 'VALIDATE', steps: [{ name: 'validate' }] },
    { name: PHASE_NAMES.build, type: 'BUILD', repositoryId: plan.repositoryId, branch: plan.branch, steps: steps('build') },
  ];
  for (const type of DEPLOYS[kind]) {
    const role = type as PhaseRole;
    phases.push({
      name: PHASE_NAMES[role],
      type: 'DEPLOY',
      environmentId: plan.environments[type],
      environmentType: type,
      steps: steps(role),
    });
  }
  return phases;
}
