/** "Copy as curl": the commands for the console's actions, with real links from the simulator. */
import { describe, expect, it } from 'vitest';
import { approve, deletePipeline, startPipeline } from './actions';
import { actionRequest } from './action-request';
import { useSettingsForRequests } from './client';
import { curlAdvice, curlCommand } from './curl';
import { findLink, rel } from './links';
import { defaultSettings, type ApiSettings } from './settings';
import type { StepState } from './types';
import { pipelineNamed, setupSimulatorServer, start } from '../test/simulator-server';

const sim = setupSimulatorServer();
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.real-token-never-shown';
const settings: ApiSettings = {
  ...defaultSettings,
  target: 'standalone',
  standaloneUrl: 'http://localhost:8787',
  apiKey: 'my-real-api-key',
  accessToken: TOKEN,
};

async function heldApproval(): Promise<StepState> {
  await sim.control('PUT', 'outcome', { outcome: 'pass' });
  const run = await start(await pipelineNamed('WKND Sites', 'Production Pipeline'));
  const waiting = await sim.until(run, (step) => step.action === 'approval' && step.status === 'WAITING');
  if (!waiting.step) throw new Error('the run never held at its approval');
  return waiting.step;
}

describe('curl commands', () => {
  it('approve: PUT to the absolute advance href with the JSON body and the gateway headers, never a secret', async () => {
    const step = await heldApproval();
    useSettingsForRequests(settings);
    try {
      const command = curlCommand(actionRequest(approve(step))!);
      const advance = new URL(findLink(step, rel.advance)!.href, 'http://localhost:8787/').toString();
      expect(command).toContain('curl -X PUT');
      expect(command).toContain(`'${advance}'`);
      expect(advance).toMatch(/^http:\/\/localhost:8787\/api\/program\/.+\/advance$/);
      expect(command).toContain(`-d '{"approved":true}'`);
      expect(command).toContain("-H 'content-type: application/json'");
      expect(command).toContain('-H "x-api-key: $CM_API_KEY"');
      expect(command).toContain('-H "Authorization: Bearer $CM_ACCESS_TOKEN"');
      expect(command).toContain(`-H 'x-gw-ims-org-id: ${settings.imsOrgId}'`);
      expect(command).not.toContain(TOKEN);
      expect(command).not.toContain('my-real-api-key');
      expect(curlAdvice(command)).toBe('Copied the curl command. It reads $CM_API_KEY and $CM_ACCESS_TOKEN from your shell.');
    } finally {
      useSettingsForRequests(defaultSettings);
    }
  });

  it('a GET has no -X and no body; a DELETE has no body; an action the API does not offer has no command', async () => {
    const pipeline = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const execution = await start(pipeline);
    const get = curlCommand({ method: 'GET', href: findLink(execution, rel.self)!.href }, settings);
    expect(get).toMatch(/^curl 'http:\/\/[^']+\/execution\/[^']+' \\\n {2}-H 'accept: application\/json'/);
    expect(get).not.toContain('-X');
    expect(get).not.toContain('-d ');
    const remove = curlCommand(actionRequest(deletePipeline(pipeline))!, settings);
    expect(remove).toContain('curl -X DELETE');
    expect(remove).not.toContain('content-type');
    expect(actionRequest(approve(undefined))).toBeUndefined();
    expect(actionRequest(startPipeline(pipeline))).toEqual({
      method: 'PUT',
      href: findLink(pipeline, rel.execution)!.href,
      body: undefined,
    });
  });

  it('through the local proxy sends no credential headers; a body with a quote stays one shell word', () => {
    const proxied = curlCommand(
      { method: 'PATCH', href: '/api/program/1/pipeline/2', body: { name: "Bob's pipeline" } },
      {
        ...settings,
        target: 'proxy',
      },
    );
    expect(proxied).not.toMatch(/x-api-key|Authorization|x-gw-ims-org-id/);
    expect(proxied).toContain(`-d '{"name":"Bob'\\''s pipeline"}'`);
  });
});
