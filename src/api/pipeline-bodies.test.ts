import { describe, expect, it } from 'vitest';
import { createPipeline, deletePipeline, invalidateCache, patchVariables, updatePipeline } from './actions';
import { createPipelineBody, updatePipelineBody, variablesBody, type PipelineSettings } from './pipeline-bodies';
import type { Pipeline, PipelineList, VariableList } from './types';

const SIM_CREATE = 'https://ns.cloud-manager-simulator.dev/rel/createPipeline';

const production: PipelineSettings = {
  kind: 'production',
  name: '  Summit Production  ',
  trigger: 'MANUAL',
  behavior: 'FAIL',
  repositoryId: '205',
  branch: 'develop',
  stageEnvironmentId: '52',
  prodEnvironmentId: '53',
  approval: true,
  schedule: false,
  pages: ['/content/summit/en.html', '/content/summit/de.html'],
};

describe('pipeline request bodies', () => {
  it('create (production): name trimmed, trigger, BUILD with behaviour, stage DEPLOY with the pages, prod DEPLOY with the chosen holds', () => {
    expect(createPipelineBody(production)).toEqual({
      name: 'Summit Production',
      trigger: 'MANUAL',
      phases: [
        {
          type: 'BUILD',
          repositoryId: '205',
          branch: 'develop',
          steps: [{ name: 'codeQuality', options: { importantMetricFailuresBehavior: 'FAIL' } }],
        },
        {
          type: 'DEPLOY',
          environmentId: '52',
          steps: [{ name: 'contentAudit', options: { pages: ['/content/summit/en.html', '/content/summit/de.html'] } }],
        },
        { type: 'DEPLOY', environmentId: '53', steps: [{ name: 'approval' }, { name: 'deploy' }] },
      ],
    });
    const both = createPipelineBody({ ...production, schedule: true, approval: true });
    expect(both.phases[2].steps).toEqual([{ name: 'approval' }, { name: 'schedule' }, { name: 'deploy' }]);
    const none = createPipelineBody({ ...production, schedule: false, approval: false });
    expect(none.phases[2].steps).toEqual([{ name: 'deploy' }]);
  });

  it('create (production) without a known stage environment leaves the stage phase to the server', () => {
    const body = createPipelineBody({ ...production, stageEnvironmentId: undefined });
    expect(body.phases.map((phase) => [phase.type, phase.environmentId])).toEqual([
      ['BUILD', undefined],
      ['DEPLOY', '53'],
    ]);
  });

  it('create (non-production): a dev DEPLOY phase for a deployment pipeline, none for code quality', () => {
    const deployment = createPipelineBody({ ...production, kind: 'deployment', devEnvironmentId: '51', trigger: 'ON_COMMIT' });
    expect(deployment.trigger).toBe('ON_COMMIT');
    expect(deployment.phases).toEqual([
      expect.objectContaining({ type: 'BUILD', repositoryId: '205', branch: 'develop' }),
      { type: 'DEPLOY', environmentId: '51' },
    ]);
    const quality = createPipelineBody({ ...production, kind: 'codeQuality' });
    expect(quality.phases).toEqual([expect.objectContaining({ type: 'BUILD' })]);
  });

  it('update: the same phases, matched by type and environment; the prod phase lists exactly the holds wanted', () => {
    const body = updatePipelineBody({ ...production, approval: false, branch: 'release/2026.11' });
    expect(body.phases[0]).toMatchObject({ type: 'BUILD', branch: 'release/2026.11' });
    expect(body.phases[2]).toEqual({ type: 'DEPLOY', environmentId: '53', steps: [{ name: 'deploy' }] });
  });

  it('variables: only the changes, a deleted variable with an empty value (and no type)', () => {
    expect(
      variablesBody({
        added: [{ name: 'API_TOKEN', type: 'secretString', value: 's3cret' }],
        changed: [{ name: 'MAVEN_OPTS', type: 'string', value: '-Xmx2g' }],
        deleted: [{ name: 'OLD_FLAG' }],
      }),
    ).toEqual([
      { name: 'API_TOKEN', type: 'secretString', value: 's3cret' },
      { name: 'MAVEN_OPTS', type: 'string', value: '-Xmx2g' },
      { name: 'OLD_FLAG', value: '' },
    ]);
  });
});

describe('pipeline actions: each owns its method, link and body', () => {
  const list: PipelineList = { _links: { self: { href: '/api/program/5/pipelines' }, [SIM_CREATE]: { href: '/api/program/5/pipelines' } } };
  const pipeline: Pipeline = {
    id: '501',
    name: 'P',
    phases: [],
    _links: {
      self: { href: '/api/program/5/pipeline/501' },
      'http://ns.adobe.com/adobecloud/rel/cache': { href: '/api/program/5/pipeline/501/cache' },
    },
  };
  const body = createPipelineBody(production);

  it('createPipeline: POST to the PipelineList’s createPipeline link (absent on a real Cloud Manager)', () => {
    expect(createPipeline(list, body)).toEqual({
      name: 'createPipeline',
      method: 'POST',
      link: { href: '/api/program/5/pipelines' },
      body,
    });
    expect(createPipeline({ _links: { self: { href: '/api/program/5/pipelines' } } }, body).link).toBeUndefined();
  });

  it('updatePipeline: PATCH the self link; deletePipeline: DELETE it', () => {
    expect(updatePipeline(pipeline, body)).toEqual({
      name: 'updatePipeline',
      method: 'PATCH',
      link: { href: '/api/program/5/pipeline/501' },
      body,
    });
    expect(deletePipeline(pipeline)).toEqual({ name: 'deletePipeline', method: 'DELETE', link: { href: '/api/program/5/pipeline/501' } });
  });

  it('invalidateCache: DELETE the cache link (https spelling too)', () => {
    expect(invalidateCache(pipeline)).toEqual({
      name: 'invalidateCache',
      method: 'DELETE',
      link: { href: '/api/program/5/pipeline/501/cache' },
    });
    const https = { ...pipeline, _links: { 'https://ns.adobe.com/adobecloud/rel/cache': { href: '/c' } } };
    expect(invalidateCache(https).link).toEqual({ href: '/c' });
    expect(invalidateCache({ ...pipeline, _links: {} }).link).toBeUndefined();
  });

  it('patchVariables: PATCH the VariableList’s self link with the changes', () => {
    const variables: VariableList = { _links: { self: { href: '/api/program/5/pipeline/501/variables' } } };
    const changes = [{ name: 'A_B', value: '' }];
    expect(patchVariables(variables, changes)).toEqual({
      name: 'patchVariables',
      method: 'PATCH',
      link: { href: '/api/program/5/pipeline/501/variables' },
      body: changes,
    });
  });
});
