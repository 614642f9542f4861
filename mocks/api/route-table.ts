/**
 * Every operation the simulator serves: one line each (methods, path template, handler). Paths
 * are relative to their mount: the API root of the current layout (`/api` or `/api/alt-layout`;
 * `/api/programs` is the entry point in both), the file root (`/files` or `/files/alt-layout`), and
 * `/_sim`. `{programId}`, `{pipelineId}`, … are looked up before the handler runs (see scope.ts);
 * GET routes answer HEAD too. The last argument, when present, is the permission the acting user
 * needs (Cloud Manager's custom permissions, sim/users.ts); `/_sim` controls never need one.
 * To add an operation: a line here, a handler in its resource's module.
 */
import { advancePermission, cancelPermission } from '../sim/decisions';
import { route } from './router';
import * as controls from './routes/controls';
import * as environmentLogFiles from './routes/environment-log-files';
import * as environmentLogs from './routes/environment-logs';
import * as environmentVariables from './routes/environment-variables';
import * as environments from './routes/environments';
import * as executions from './routes/executions';
import * as files from './routes/files';
import * as pipelines from './routes/pipelines';
import * as programs from './routes/programs';
import * as repositories from './routes/repositories';
import * as steps from './routes/steps';
import * as variables from './routes/variables';
import * as events from './routes/events';
import * as users from './routes/users';
import * as webhooks from './routes/webhooks';

const PROGRAM = '/program/{programId}';
const ENVIRONMENT = `${PROGRAM}/environment/{environmentId}` as const;
const REPOSITORY = `${PROGRAM}/repository/{repositoryId}` as const;
const PIPELINE = `${PROGRAM}/pipeline/{pipelineId}` as const;
const EXECUTION = `${PIPELINE}/execution/{executionId}` as const;
const STEP = `${EXECUTION}/phase/{phaseId}/step/{stepId}` as const;

export const API_ROUTES = [
  route('GET', '/programs', programs.list),
  route('GET', PROGRAM, programs.get),
  route('GET', `${PROGRAM}/environments`, environments.list),
  route('GET', ENVIRONMENT, environments.get),
  route('GET', `${ENVIRONMENT}/logs`, environmentLogs.list),
  route('GET', `${ENVIRONMENT}/logs/download`, environmentLogs.download),
  route('GET', `${ENVIRONMENT}/variables`, environmentVariables.list),
  route('PATCH', `${ENVIRONMENT}/variables`, environmentVariables.update, 'variablesEdit'),
  route('GET', `${PROGRAM}/repositories`, repositories.list),
  route('GET', REPOSITORY, repositories.get),
  route('GET', `${REPOSITORY}/branches`, repositories.branches),
  // Simulator extension, advertised by the repository's generatePassword link.
  route('POST', `${REPOSITORY}/generatePassword`, repositories.generatePassword, 'repositoryInfo'),
  route('GET', `${PROGRAM}/pipelines`, pipelines.list),
  // Simulator extension, advertised by the list's createPipeline link.
  route('POST', `${PROGRAM}/pipelines`, pipelines.create, 'pipelineEdit'),
  route('GET', PIPELINE, pipelines.get),
  route('PATCH', PIPELINE, pipelines.update, 'pipelineEdit'),
  route('DELETE', PIPELINE, pipelines.remove, 'pipelineEdit'),
  route('DELETE', `${PIPELINE}/cache`, pipelines.invalidateCache, 'pipelineEdit'),
  route('GET', `${PIPELINE}/variables`, variables.list),
  route('PATCH', `${PIPELINE}/variables`, variables.update, 'variablesEdit'),
  route('GET', `${PIPELINE}/execution`, executions.current),
  // Start, and re-execute (`?stepId=`): both are Pipeline Executions Start.
  route('PUT', `${PIPELINE}/execution`, executions.start, 'executionStart'),
  route('GET', `${PIPELINE}/executions`, executions.list),
  route('GET', EXECUTION, executions.get),
  route('GET', STEP, steps.get),
  // Which permission depends on the step: approval, code quality, schedule, or a plain cancel.
  route('PUT', `${STEP}/advance`, steps.advance, (ctx) => advancePermission(ctx.step)),
  route('PUT', `${STEP}/cancel`, steps.cancel, (ctx) => cancelPermission(ctx.step)),
  route('GET', `${STEP}/logs`, steps.logs),
  route('GET', `${STEP}/metrics`, steps.metrics),
  route('GET', `${STEP}/artifacts`, steps.artifacts),
  route('GET', `${STEP}/artifact/{artifactId}`, steps.artifact),
];

export const FILE_ROUTES = [
  route('GET', '/execution/{executionId}/step/{stepStateId}/log/{logFile}', files.log),
  route('GET', '/execution/{executionId}/step/{stepStateId}/artifact/{artifactId}', files.artifact),
  route('GET', '/environment/{environmentId}/logs/{service}/{logName}/{file}', environmentLogFiles.file),
];

export const CONTROL_ROUTES = [
  route('GET', '/', controls.state),
  route('GET', '/state', controls.state),
  route('PUT', '/speed', controls.speed),
  route('POST', '/clock', controls.clock),
  route('PUT', '/outcome', controls.outcome),
  route('PUT', '/layout', controls.layout),
  route('POST', '/push-update', controls.pushUpdate),
  route('POST', '/push', controls.push),
  route('POST', '/populate', controls.populate),
  route('POST', '/reset', controls.reset),
  route('GET', '/scenario', controls.scenario),
  route('PUT', '/scenario', controls.loadScenario),
  route('PUT', '/quirks', controls.quirks),
  route('GET', '/whoami', users.whoami),
  route('GET', '/users', users.list),
  route('GET', '/events', events.journal),
  route('GET', '/webhooks', webhooks.list),
  route('POST', '/webhooks', webhooks.register),
  route('DELETE', '/webhooks/{webhookId}', webhooks.remove),
  route('GET', '/webhooks/{webhookId}/deliveries', webhooks.deliveries),
];
