/**
 * The pipeline actions and their bodies against the real simulator: the API accepts each one, and
 * it does what its name says (add, edit, delete, variables, build cache); a busy pipeline refuses.
 */
import { describe, expect, it } from 'vitest';
import { createPipeline, deletePipeline, invalidateCache, patchVariables, updatePipeline } from './actions';
import { ApiError, getJson, sendToLink } from './client';
import { findLink, rel } from './links';
import { createPipelineBody, updatePipelineBody, variablesBody, type PipelineSettings } from './pipeline-bodies';
import type { CmAction } from './actions';
import type { EnvironmentList, Pipeline, PipelineList, RepositoryList, VariableList } from './types';
import { pipelineNamed, programNamed, setupSimulatorServer, start } from '../test/simulator-server';
import { settingsOfPipeline } from '../domain/pipeline-settings';

setupSimulatorServer();

const send = <T>(action: CmAction) => sendToLink<T>(action.link, action.method ?? 'PUT', action.body);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: ApiError) => error,
  );

async function summit() {
  const program = await programNamed('Summit Launch');
  const list = await getJson<PipelineList>(findLink(program, rel.pipelines)!.href);
  const environments = (await getJson<EnvironmentList>(findLink(program, rel.environments)!.href))._embedded!.environments!;
  const [repository] = (await getJson<RepositoryList>(findLink(program, rel.repositories)!.href))._embedded!.repositories!;
  const envOf = (type: string) => environments.find((e) => e.type === type)!.id;
  const settings: PipelineSettings = {
    kind: 'production',
    name: 'Summit Production',
    trigger: 'MANUAL',
    behavior: 'CONTINUE',
    repositoryId: repository.id,
    branch: 'main',
    stageEnvironmentId: envOf('stage'),
    prodEnvironmentId: envOf('prod'),
    approval: true,
    schedule: false,
    pages: ['/content/summit/en.html', '/content/summit/fr.html'],
  };
  return { program, list, settings, envOf };
}

const phase = (pipeline: Pipeline, type: string) => pipeline.phases.find((p) => p.type === 'DEPLOY' && p.environmentType === type);
const stepNames = (pipeline: Pipeline, type: string) => phase(pipeline, type)?.steps?.map((s) => s.name);

describe('pipeline actions against the simulator', () => {
  it('adds a production pipeline with its holds, behaviour and audit pages, then edits and deletes it', async () => {
    const { list, settings } = await summit();
    expect(list._embedded?.pipelines ?? []).toEqual([]);
    const created = (await send<Pipeline>(createPipeline(list, createPipelineBody(settings))))!;
    expect(created).toMatchObject({ name: 'Summit Production', trigger: 'MANUAL' });
    expect(stepNames(created, 'prod')).toEqual(['approval', 'deploy']);
    const steps = created.phases.flatMap((p) => p.steps ?? []);
    expect(steps.find((s) => s.name === 'codeQuality')?.options).toEqual({ importantMetricFailuresBehavior: 'CONTINUE' });
    expect(steps.find((s) => s.name === 'contentAudit')?.options).toEqual({ pages: settings.pages });

    const edited = (await send<Pipeline>(
      updatePipeline(
        created,
        updatePipelineBody({ ...settings, branch: 'develop', approval: false, schedule: true, trigger: 'ON_COMMIT' }),
      ),
    ))!;
    expect(edited.trigger).toBe('ON_COMMIT');
    expect(edited.phases.find((p) => p.type === 'BUILD')?.branch).toBe('develop');
    expect(stepNames(edited, 'prod')).toEqual(['schedule', 'deploy']);

    await send(deletePipeline(edited));
    const error = await refusal(getJson(findLink(edited, rel.self)!.href));
    expect(error.status).toBe(404);
  });

  it('refuses a body with problems, naming each (400 with errors), and adds nothing', async () => {
    const { program, list, settings } = await summit();
    const error = await refusal(send(createPipeline(list, createPipelineBody({ ...settings, name: '', branch: 'nope', pages: ['/a b'] }))));
    expect(error.status).toBe(400);
    expect(error.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/name/), expect.stringMatching(/branch "nope"/), expect.stringMatching(/"\/a b"/)]),
    );
    expect((await getJson<PipelineList>(findLink(program, rel.pipelines)!.href))._embedded?.pipelines ?? []).toEqual([]);
  });

  it('adds a non-production deployment pipeline to a dev environment, and a code quality pipeline', async () => {
    const { list, settings, envOf } = await summit();
    const deployment = (await send<Pipeline>(
      createPipeline(list, createPipelineBody({ ...settings, kind: 'deployment', name: 'Dev', devEnvironmentId: envOf('dev') })),
    ))!;
    expect(phase(deployment, 'dev')?.environmentId).toBe(envOf('dev'));
    const quality = (await send<Pipeline>(
      createPipeline(list, createPipelineBody({ ...settings, kind: 'codeQuality', name: 'Quality' })),
    ))!;
    expect(quality.phases.some((p) => p.type === 'DEPLOY')).toBe(false);
  });

  it('edits non-production pipelines from their own settings (pre-fill → update): branch, trigger, environment kept', async () => {
    for (const name of ['Dev Deployment', 'Code Quality']) {
      const pipeline = await pipelineNamed('WKND Sites', name);
      const settings = settingsOfPipeline(pipeline);
      const edited = (await send<Pipeline>(
        updatePipeline(pipeline, updatePipelineBody({ ...settings, branch: 'main', trigger: 'MANUAL' })),
      ))!;
      expect(edited.trigger).toBe('MANUAL');
      expect(edited.phases.find((p) => p.type === 'BUILD')?.branch).toBe('main');
      expect(edited.phases.filter((p) => p.type === 'DEPLOY')).toEqual(pipeline.phases.filter((p) => p.type === 'DEPLOY'));
      expect(settingsOfPipeline(edited)).toEqual({ ...settings, branch: 'main', trigger: 'MANUAL' });
    }
  });

  it('variables: one PATCH with the changes; a secret never comes back; an empty value deletes', async () => {
    const pipeline = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const href = findLink(pipeline, rel.variables)!.href;
    const read = () => getJson<VariableList>(href);
    await send(
      patchVariables(
        await read(),
        variablesBody({
          added: [
            { name: 'API_TOKEN', type: 'secretString', value: 'hunter2-secret' },
            { name: 'MAVEN_OPTS', type: 'string', value: '-Xmx1g' },
          ],
          changed: [],
          deleted: [],
        }),
      ),
    );
    const after = (await read())._embedded!.variables!;
    expect(after).toEqual(
      expect.arrayContaining([
        { name: 'API_TOKEN', type: 'secretString', status: 'ready' },
        { name: 'MAVEN_OPTS', type: 'string', value: '-Xmx1g', status: 'ready' },
      ]),
    );
    expect(JSON.stringify(after)).not.toContain('hunter2');
    await send(patchVariables(await read(), variablesBody({ added: [], changed: [], deleted: [{ name: 'MAVEN_OPTS' }] })));
    expect((await read())._embedded!.variables!.map((v) => v.name)).toEqual(['API_TOKEN']);
  });

  it('a running pipeline refuses edits, deletion and variables (412); its build cache can be invalidated at any time', async () => {
    const pipeline = await pipelineNamed('WKND Sites', 'Production Pipeline');
    await start(pipeline);
    const body = { name: 'Renamed', trigger: 'MANUAL' as const, phases: [] };
    expect((await refusal(send(updatePipeline(pipeline, body)))).status).toBe(412);
    expect((await refusal(send(deletePipeline(pipeline)))).status).toBe(412);
    const variables = await getJson<VariableList>(findLink(pipeline, rel.variables)!.href);
    expect((await refusal(send(patchVariables(variables, [{ name: 'A_B', value: 'x' }])))).status).toBe(412);
    await expect(send(invalidateCache(pipeline))).resolves.toBeUndefined();
  });
});
