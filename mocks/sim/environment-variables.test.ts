// @vitest-environment node
/** Environment variables: checked like a pipeline's, then 2 simulated minutes of `updating` during which the environment takes no other change. */
import { describe, expect, it } from 'vitest';
import { currentUpdate, environmentStatus, logOptionsOf, variableStatus, VARIABLES_APPLY_MS } from './environments';
import { patchEnvironmentVariables } from './environment-variables';
import { LOG_DAYS, logSource, logText, servedDays } from './environment-logs';
import type { Simulation } from './engine';
import { WKND, environmentLog, isOver, newSimulation, refusal, runUntil, startRun, stepLog, stepOf } from './test-helpers';

const WKND_DEV = '10010';
const WKND_STAGE = '10011';
const ACME_DEV = '10030';

describe('environment variables', () => {
  it('apply for 2 simulated minutes: the environment and the variables they touch are updating, then ready', () => {
    const { sim, clock } = newSimulation();
    const env = sim.environment(WKND_STAGE)!;
    patchEnvironmentVariables(
      sim,
      env,
      [
        { name: 'FEATURE_FLAG', value: 'on' },
        { name: 'FEATURE_FLAG', value: 'off', service: 'publish' },
        { name: 'API_KEY', value: 'k', type: 'secretString', service: 'author' },
      ],
      clock.now,
    );
    expect(env.variables).toEqual([
      { name: 'FEATURE_FLAG', type: 'string', value: 'on' },
      { name: 'FEATURE_FLAG', service: 'publish', type: 'string', value: 'off' },
      { name: 'API_KEY', service: 'author', type: 'secretString' },
    ]);
    expect(environmentStatus(env, clock.now)).toBe('updating');
    expect(env.variables.map((v) => variableStatus(env, v, clock.now))).toEqual(['updating', 'updating', 'updating']);
    expect(environmentStatus(env, clock.now + VARIABLES_APPLY_MS - 1)).toBe('updating');
    clock.now += VARIABLES_APPLY_MS;
    expect(environmentStatus(env, clock.now)).toBe('ready');
    // A later change touches only its own variables.
    patchEnvironmentVariables(sim, env, [{ name: 'FEATURE_FLAG', service: 'publish' }], clock.now);
    expect(env.variables.map((v) => `${v.name}/${v.service ?? '*'}:${variableStatus(env, v, clock.now)}`)).toEqual([
      'FEATURE_FLAG/*:ready',
      'API_KEY/author:ready',
    ]);
    expect(environmentStatus(env, clock.now)).toBe('updating');
    expect(currentUpdate(env, clock.now)?.variables).toEqual([{ name: 'FEATURE_FLAG', service: 'publish' }]);
  });

  it('refuse a second change while the first applies, and any change while a deployment to the environment runs (409)', () => {
    const { sim, clock } = newSimulation();
    const env = sim.environment(WKND_DEV)!;
    patchEnvironmentVariables(sim, env, [{ name: 'ONE', value: '1' }], clock.now);
    sim.advanceTo(clock.now + 60_000);
    const before = JSON.stringify(sim.state);
    const second = refusal(() => patchEnvironmentVariables(sim, env, [{ name: 'TWO', value: '2' }], clock.now + 60_000));
    expect(second.code).toBe('environment_busy');
    expect(second.title).toBe('Environment is updating');
    expect(JSON.stringify(sim.state) === before).toBe(true);
    // Starting a pipeline that deploys to it is refused too; one that does not deploy there starts.
    const start = refusal(() => startRun(sim, clock, WKND.programId, WKND.dev));
    expect(start.code).toBe('environment_busy');
    expect(sim.currentExecution(WKND.dev)).toBeUndefined();
    startRun(sim, clock, WKND.programId, WKND.quality);
    // Once it is applied, a deployment to it runs; a change meanwhile is refused.
    clock.now += VARIABLES_APPLY_MS;
    const execution = startRun(sim, clock, WKND.programId, WKND.dev);
    const deploy = stepOf(execution, 'deploy');
    runUntil(sim, clock, () => deploy.status === 'RUNNING');
    const during = refusal(() => patchEnvironmentVariables(sim, env, [{ name: 'TWO', value: '2' }], clock.now));
    expect(during.title).toBe('A deployment to this environment is in progress');
    runUntil(sim, clock, isOver(execution));
    patchEnvironmentVariables(sim, env, [{ name: 'TWO', value: '2' }], clock.now);
  });

  it('make a deployment that becomes due meanwhile wait (RUNNING, details.waitingFor) and deploy once the change is applied', () => {
    const { sim, clock } = newSimulation();
    const env = sim.environment(WKND_DEV)!;
    const execution = startRun(sim, clock, WKND.programId, WKND.dev);
    const image = stepOf(execution, 'buildImage');
    const deploy = stepOf(execution, 'deploy');
    runUntil(sim, clock, () => image.status === 'RUNNING');
    const imageEnd = image.startedAt! + image.sim.durationMs;
    clock.now = imageEnd - 30_000;
    sim.advanceTo(clock.now);
    patchEnvironmentVariables(sim, env, [{ name: 'LATE', value: 'x' }], clock.now);
    const appliedAt = clock.now + VARIABLES_APPLY_MS;
    clock.now = imageEnd + 1000;
    sim.advanceTo(clock.now);
    expect(deploy.status).toBe('RUNNING');
    expect(deploy.startedAt).toBe(imageEnd);
    expect(deploy.details.waitingFor).toBe('environmentUpdate');
    expect(sim.progress(deploy, clock.now)).toBe(0);
    clock.now = appliedAt + 1000;
    sim.advanceTo(clock.now);
    expect(deploy.details.waitingFor).toBeUndefined();
    expect(deploy.updatedAt).toBe(appliedAt);
    runUntil(sim, clock, isOver(execution));
    expect(deploy.finishedAt).toBe(appliedAt + deploy.sim.durationMs);
    // Its log starts when it deploys, and so do the environment log's deployment lines.
    const log = stepLog(sim, execution, deploy);
    expect(log).toContain(new Date(appliedAt).toISOString().slice(0, 16));
    expect(environmentLog(sim, WKND_DEV, 'author', 'aemerror', clock.now)).toContain('Environment variables applied: LATE');
  });

  it('are checked like a pipeline’s, plus their service: each bad variable named, nothing applied', () => {
    const { sim, clock } = newSimulation();
    const env = sim.environment(ACME_DEV)!;
    const before = JSON.stringify(sim.state);
    const error = refusal(() =>
      patchEnvironmentVariables(
        sim,
        env,
        [
          { name: 'ON_PREVIEW', value: 'x', service: 'preview' },
          { name: 'TWICE', value: 'a', service: 'author' },
          { name: 'TWICE', value: 'b', service: 'author' },
          { name: 'TWICE', value: 'c' },
          { name: 'INTERNAL_X', value: 'x', service: 'publish' },
        ],
        clock.now,
      ),
    );
    expect(error.code).toBe('invalid');
    // The same rules as a pipeline's (variables.ts, tested there), each problem named with the service.
    expect(error.errors).toEqual([
      expect.stringMatching(/^"ON_PREVIEW" \(preview\): this environment has no preview service \(services: author, publish\)$/),
      expect.stringMatching(/^"TWICE" \(author\): listed more than once$/),
      expect.stringMatching(/^"INTERNAL_X" \(publish\): names starting with INTERNAL_ are reserved$/),
    ]);
    expect(JSON.stringify(sim.state) === before).toBe(true);
    // The same name once per service is fine; preview is there on an environment that has it.
    patchEnvironmentVariables(
      sim,
      sim.environment(WKND_DEV)!,
      [
        { name: 'SAME', value: 'a' },
        { name: 'SAME', value: 'b', service: 'author' },
        { name: 'SAME', value: 'c', service: 'preview' },
      ],
      clock.now,
    );
  });

  it('never keep, log or copy a secret’s value; their changes are logged by name in the error logs of their services', () => {
    const SECRET = 'correct-horse-battery-staple-42';
    const { sim, clock } = newSimulation();
    const env = sim.environment(WKND_STAGE)!;
    patchEnvironmentVariables(
      sim,
      env,
      [
        { name: 'PAYMENT_TOKEN', value: SECRET, type: 'secretString', service: 'publish' },
        { name: 'AUTHOR_ONLY', value: 'visible', service: 'author' },
      ],
      clock.now,
    );
    clock.now += VARIABLES_APPLY_MS;
    const execution = startRun(sim, clock, WKND.programId, WKND.production, 'pass');
    runUntil(sim, clock, () => stepOf(execution, 'deploy', 'stage').status === 'FINISHED', 3 * 3600_000, 10_000);
    expect(JSON.stringify(sim.state)).not.toContain(SECRET);
    expect(allEnvironmentLogs(sim, WKND_STAGE, clock.now)).not.toContain(SECRET);
    const publish = environmentLog(sim, WKND_STAGE, 'publish', 'aemerror', clock.now);
    expect(publish).toMatch(/Environment variables changed: PAYMENT_TOKEN; updating the configurations/);
    expect(publish).not.toContain('AUTHOR_ONLY');
    expect(environmentLog(sim, WKND_STAGE, 'author', 'aemerror', clock.now)).toContain('Environment variables applied: AUTHOR_ONLY');
  });
});

/** Every log of every service of an environment, every day served, up to `now`. */
function allEnvironmentLogs(sim: Simulation, environmentId: string, now: number): string {
  const environment = sim.environment(environmentId)!;
  const days = servedDays(sim, environment, now, LOG_DAYS).slice(0, 2);
  return logOptionsOf(environment)
    .flatMap(({ service, name }) =>
      days.map((date) => {
        const source = logSource(sim, environment, service, name, date);
        return [...logText(source, source.dayStart, now)].join('');
      }),
    )
    .join('\n');
}
