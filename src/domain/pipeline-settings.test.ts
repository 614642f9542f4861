import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../api/types';
import {
  auditPageProblem,
  auditPageUrl,
  branchProblem,
  newPipelineSettings,
  pipelineNameProblem,
  settingsOfPipeline,
} from './pipeline-settings';

const production: Pipeline = {
  id: '101',
  name: 'Production Pipeline',
  trigger: 'ON_COMMIT',
  phases: [
    { name: 'VALIDATE', type: 'VALIDATE', steps: [{ name: 'validate' }] },
    {
      name: 'BUILD_1',
      type: 'BUILD',
      repositoryId: '201',
      branch: 'release/2026.11',
      steps: [{ name: 'build' }, { name: 'codeQuality', options: { importantMetricFailuresBehavior: 'CONTINUE' } }, { name: 'buildImage' }],
    },
    {
      name: 'DEPLOY_STAGE',
      type: 'DEPLOY',
      environmentId: '12',
      environmentType: 'stage',
      steps: [{ name: 'deploy' }, { name: 'contentAudit', options: { pages: ['/', '/content/wknd/us/en.html'] } }],
    },
    {
      name: 'DEPLOY_PROD',
      type: 'DEPLOY',
      environmentId: '13',
      environmentType: 'prod',
      steps: [{ name: 'schedule' }, { name: 'deploy' }],
    },
  ],
};

describe('pipeline settings', () => {
  it('pre-fills from a production pipeline: name, trigger, BUILD repository/branch, holds, behaviour, pages, environments', () => {
    expect(settingsOfPipeline(production)).toEqual({
      kind: 'production',
      name: 'Production Pipeline',
      trigger: 'ON_COMMIT',
      behavior: 'CONTINUE',
      repositoryId: '201',
      branch: 'release/2026.11',
      stageEnvironmentId: '12',
      prodEnvironmentId: '13',
      devEnvironmentId: undefined,
      approval: false,
      schedule: true,
      pages: ['/', '/content/wknd/us/en.html'],
    });
  });

  it('pre-fills a deployment pipeline with its dev environment; missing options read as the defaults', () => {
    const dev: Pipeline = {
      id: '102',
      name: 'Dev',
      trigger: 'SOMETHING_NEW',
      phases: [
        { type: 'BUILD', repositoryId: '201', branch: 'develop' },
        { type: 'DEPLOY', environmentId: '11', environmentType: 'dev' },
      ],
    };
    expect(settingsOfPipeline(dev)).toMatchObject({
      kind: 'deployment',
      trigger: 'MANUAL',
      behavior: 'ASK',
      devEnvironmentId: '11',
      approval: false,
      schedule: false,
      pages: [],
    });
    expect(newPipelineSettings('codeQuality')).toMatchObject({
      kind: 'codeQuality',
      name: '',
      trigger: 'MANUAL',
      behavior: 'ASK',
      pages: [],
    });
  });

  it('names: required, at most 64 characters, unique in the program (case and spaces aside)', () => {
    expect(pipelineNameProblem('   ', [])).toBe('Enter a pipeline name.');
    expect(pipelineNameProblem('x'.repeat(65), [])).toMatch(/at most 64 characters/);
    expect(pipelineNameProblem('x'.repeat(64), [])).toBeUndefined();
    expect(pipelineNameProblem(' production pipeline ', ['Production Pipeline'])).toBe(
      'The program already has a pipeline named "production pipeline".',
    );
  });

  it('branches: required, and one of the repository’s once they are known', () => {
    expect(branchProblem('', undefined, undefined)).toBe('Choose a Git branch.');
    expect(branchProblem('feature/x', undefined, 'wknd-site')).toBeUndefined();
    expect(branchProblem('feature/x', ['main', 'develop'], 'wknd-site')).toBe('There is no branch "feature/x" in wknd-site.');
    expect(branchProblem('develop', ['main', 'develop'], 'wknd-site')).toBeUndefined();
  });

  it('audit pages: start with "/", no duplicates, at most 25; shown as their stage publish URL', () => {
    expect(auditPageProblem('content/x.html', [])).toBe('A page path starts with "/".');
    expect(auditPageProblem('', [])).toMatch(/Enter a page path/);
    expect(auditPageProblem('/a', ['/a'])).toBe('/a is already in the list.');
    const full = Array.from({ length: 25 }, (_, i) => `/p${i}`);
    expect(auditPageProblem('/p25', full)).toMatch(/At most 25 pages/);
    expect(auditPageProblem('/p24', full.slice(0, 24))).toBeUndefined();
    expect(auditPageUrl('https://publish-p5-e52.adobeaemcloud.com/', '/content/a.html')).toBe(
      'https://publish-p5-e52.adobeaemcloud.com/content/a.html',
    );
    expect(auditPageUrl(undefined, '/x')).toBe('/x');
  });
});
