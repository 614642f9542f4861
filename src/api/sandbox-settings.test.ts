// @vitest-environment node
/**
 * The console's Settings against the standalone server in `--sandbox-per-key` mode, unchanged: the
 * API key typed in Settings is sent with every request (the API and the simulation controls), so
 * it picks the console's sandbox; two keys never see each other's runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../../mocks/server-process';
import { startPipeline } from './actions';
import { entryPointHref, getJson, putLink, useSettingsForRequests } from './client';
import { executionListHref } from './queries';
import { defaultSettings, type ApiSettings } from './settings';
import type { Execution, ExecutionList, Pipeline } from './types';
import { pipelineNamed } from '../test/simulator-server';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(['--sandbox-per-key', '--data', mkdtempSync(join(tmpdir(), 'cm-console-sandboxes-'))]);
}, 60_000);
afterAll(async () => {
  useSettingsForRequests(defaultSettings);
  await server?.kill();
});

const settingsWithKey = (apiKey: string): ApiSettings => ({ ...defaultSettings, target: 'standalone', standaloneUrl: server.base, apiKey });

const productionPipeline = () => pipelineNamed('WKND Sites', 'Production Pipeline');

const executionIds = async (pipeline: Pipeline) =>
  ((await getJson<ExecutionList>(executionListHref(pipeline)!))._embedded?.executions ?? []).map((e) => e.id);

describe('Settings → standalone server with --sandbox-per-key', () => {
  it('the API key of Settings picks the sandbox; another key does not see its run', async () => {
    useSettingsForRequests(settingsWithKey('trainee-1'));
    const pipeline = await productionPipeline();
    const started = await putLink<Execution>(startPipeline(pipeline).link);
    expect(started?.status).toBe('RUNNING');
    expect(await executionIds(pipeline)).toContain(started!.id);

    useSettingsForRequests(settingsWithKey('trainee-2'));
    expect(await executionIds(await productionPipeline())).not.toContain(started!.id);

    useSettingsForRequests({ ...settingsWithKey(''), apiKey: '' });
    await expect(getJson(entryPointHref())).rejects.toMatchObject({ status: 401 });
  });
});
