/** Minimal fake program, pipeline, execution and steps for the content generators' tests. */
import type { Environment, Execution, Outcome, Pipeline, Program, StepAction, StepState, EnvironmentType } from '../model';
import type { ContentContext } from './types';

export const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

export const program: Program = {
  id: '1',
  name: 'WKND Sites',
  enabled: true,
  tenantId: 'simulatedorg',
  imsOrgId: 'SIMULATED@AdobeOrg',
  status: 'ready',
  type: 'aem_cloud_service',
  capabilities: { sandbox: false },
  createdAt: T0 - 90 * 86_400_000,
  updatedAt: T0,
  sim: { solutions: ['Sites'] },
};

export function pipeline(
  auditPages: string[] = [
    '/',
    '/us/en.html',
    '/us/en/adventures.html',
    '/us/en/magazine.html',
    '/us/en/about-us.html',
    '/us/en/faqs.html',
    '/de/de.html',
    '/us/en/adventures/bali-surf-camp.html',
  ],
): Pipeline {
  return {
    id: '101',
    programId: '1',
    name: 'Production',
    trigger: 'MANUAL',
    createdAt: T0 - 60 * 86_400_000,
    updatedAt: T0,
    type: 'CI_CD',
    phases: [
      { name: 'Build', type: 'BUILD', repositoryId: '11', branch: 'main', steps: [{ name: 'build' }, { name: 'codeQuality' }] },
      { name: 'Stage', type: 'DEPLOY', environmentId: '21', environmentType: 'stage', steps: [{ name: 'deploy' }] },
      { name: 'Prod', type: 'DEPLOY', environmentId: '22', environmentType: 'prod', steps: [{ name: 'deploy' }] },
    ],
    variables: [],
    sim: { kind: 'production', importantMetricsBehavior: 'ASK', auditPages, uiTests: true },
  };
}

export function environment(type: EnvironmentType = 'stage'): Environment {
  return {
    id: type === 'prod' ? '22' : '21',
    programId: '1',
    name: `wknd-${type}`,
    description: '',
    type,
    status: 'ready',
    region: 'va7',
    authorUrl: `https://author-p1-e${type === 'prod' ? 22 : 21}.adobeaemcloud.com`,
    publishUrl: `https://publish-p1-e${type === 'prod' ? 22 : 21}.adobeaemcloud.com`,
    aemRelease: '2026.10.19001.20261029T120000Z',
    variables: [],
    sim: { updates: [] },
  };
}

export const PASS: Outcome = { codeQuality: 'pass', tests: 'pass', deploy: 'pass', audit: 'normal' };

export interface Options {
  seed?: number;
  outcome?: Partial<Outcome>;
  result?: StepState['sim']['result'];
  envType?: EnvironmentType;
  reusedFrom?: string;
  auditPages?: string[];
  durationMs?: number;
}

export function ctxFor(action: StepAction, options: Options = {}): ContentContext {
  const env = ['deploy', 'productTest', 'functionalTest', 'uiTest', 'contentAudit'].includes(action)
    ? environment(options.envType ?? 'stage')
    : undefined;
  const step: StepState = {
    id: '5001',
    stepId: '5002',
    phaseId: '5000',
    action,
    repository: 'wknd-sites',
    branch: 'main',
    environment: env?.name,
    environmentId: env?.id,
    environmentType: env?.type,
    startedAt: T0 + 60_000,
    updatedAt: T0 + 60_000,
    status: 'RUNNING',
    details: {},
    sim: { durationMs: options.durationMs ?? 10 * 60_000, result: options.result ?? 'FINISHED', reusedArtifactsFrom: options.reusedFrom },
  };
  const execution: Execution = {
    id: '4001',
    programId: '1',
    pipelineId: '101',
    artifactsVersion: '1',
    user: 'alex@example.com',
    status: 'RUNNING',
    trigger: 'MANUAL',
    pipelineExecutionMode: 'NORMAL',
    createdAt: T0,
    updatedAt: T0,
    pipelineType: 'CI_CD',
    steps: [step],
    sim: { seed: options.seed ?? 12345, outcome: { ...PASS, ...options.outcome }, commitId: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39' },
  };
  return { program, pipeline: pipeline(options.auditPages), execution, step, environment: env };
}
