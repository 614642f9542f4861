// @vitest-environment node
/** Environment logs: deterministic for a seed, append-only as simulated time goes on, and showing what the pipeline did. */
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../model';
import { WKND, environmentLog, isOver, newSimulation, runUntil, startRun, stepOf } from '../test-helpers';
import { dayStart } from './clock';
import { logSource, logText, servedDays } from '.';

const WKND_DEV = '10010';
const WKND_STAGE = '10011';
const WKND_PROD = '10012';
const HOUR = 3600_000;

describe('environment logs', () => {
  it('are the same bytes for the same seed and differ for another seed', () => {
    const texts = [1, 1, 2].map((seed) => {
      const { sim, clock } = newSimulation(seed);
      const yesterday = clock.now - DAY_MS;
      return ['author/aemerror', 'publish/aemaccess', 'dispatcher/aemdispatcher', 'preview/aemrequest'].map((log) => {
        const [service, name] = log.split('/');
        return environmentLog(sim, WKND_PROD, service, name, dayStart(yesterday) + 3 * HOUR, undefined);
      });
    });
    for (const text of texts[0]) expect(text.length).toBeGreaterThan(1000);
    expect(texts[1]).toEqual(texts[0]);
    texts[2].forEach((text, i) => expect(text).not.toBe(texts[0][i]));
  });

  it('write each log in its format', () => {
    const { sim, clock } = newSimulation();
    const log = (service: string, name: string) => environmentLog(sim, WKND_PROD, service, name, clock.now).split('\n')[0];
    expect(log('author', 'aemerror')).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}\.\d{3} \*(INFO|WARN|ERROR|DEBUG)\* \[[^\]]+\] \S+ /);
    expect(log('publish', 'aemrequest')).toMatch(/^\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000 \[\d+\] -> (GET|POST) \/\S+ HTTP\/1\.1$/);
    expect(log('publish', 'aemaccess')).toMatch(
      /^cm-p1-e10012-aem-publish-\S+ - - \d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000 {2}"GET \S+ HTTP\/1\.1" \d{3} \d+ "[^"]*" "[^"]*"$/,
    );
    expect(log('dispatcher', 'httpdaccess')).toMatch(
      /^\S+ - - \d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000 "GET \S+ HTTP\/1\.1" \d{3} \d+ "[^"]*" "[^"]*"$/,
    );
    expect(log('dispatcher', 'httpderror')).toMatch(
      /^\[\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2}\.\d{6} \d{4}\] \[\w+:\w+\] \[pid \d+(:tid \d+)?\] /,
    );
    expect(log('dispatcher', 'aemdispatcher')).toMatch(
      /^\[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] \[[IW]\] \[pid \d+\] "GET \S+" (-|\d{3}) \d+ms \[publishfarm\/0\] \[action (hit|miss)\] "publish-p1001-e10012\.adobeaemcloud\.com"$/,
    );
    expect(log('preview_dispatcher', 'aemdispatcher')).toContain('[previewfarm/0]');
  });

  it('grow with simulated time and only ever append, through a deployment to the environment', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.dev, 'pass');
    const texts: string[] = [];
    const read = () => texts.push(environmentLog(sim, WKND_DEV, 'author', 'aemerror', clock.now));
    read();
    let ticks = 0;
    runUntil(
      sim,
      clock,
      () => {
        ticks += 1;
        if (ticks % 12 === 0) read();
        return isOver(execution)();
      },
      3 * HOUR,
      5_000,
    );
    read();
    expect(texts.length).toBeGreaterThan(20);
    for (let i = 1; i < texts.length; i += 1) expect(texts[i].startsWith(texts[i - 1]), `read ${i}`).toBe(true);
    expect(texts.at(-1)!.length).toBeGreaterThan(texts[0].length);
    expect(texts.at(-1)).toContain('Installing content package');
  });

  it('show a running deployment in the error logs of the environment it deploys to: bundles, packages, the release', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production, 'pass');
    const stageDeploy = stepOf(execution, 'deploy', 'stage');
    runUntil(sim, clock, () => stageDeploy.status === 'RUNNING' && sim.progress(stageDeploy, clock.now) > 0.95, 3 * HOUR, 10_000);
    expect(stageDeploy.status).toBe('RUNNING');
    const author = environmentLog(sim, WKND_STAGE, 'author', 'aemerror', clock.now);
    const publish = environmentLog(sim, WKND_STAGE, 'publish', 'aemerror', clock.now);
    for (const text of [author, publish]) {
      expect(text).toContain(`Deployment of release ${execution.artifactsVersion}`);
      expect(text).toMatch(/org\.apache\.felix\.framework BundleEvent STOPPED: com\.wknd\.site\.core/);
      expect(text).toMatch(/org\.apache\.felix\.framework BundleEvent STARTED: com\.wknd\.site\.core/);
      expect(text).toContain('Installing content package wknd.all-1.0.0-SNAPSHOT.zip');
      expect(text).toContain(`Release ${execution.artifactsVersion}`);
    }
    expect(environmentLog(sim, WKND_STAGE, 'dispatcher', 'httpderror', clock.now)).toContain(
      `Dispatcher configuration of release ${execution.artifactsVersion} loaded`,
    );
    // Not in another environment's logs, nor in the access logs.
    expect(environmentLog(sim, WKND_PROD, 'author', 'aemerror', clock.now)).not.toContain(execution.artifactsVersion);
    expect(environmentLog(sim, WKND_STAGE, 'publish', 'aemaccess', clock.now)).not.toContain('Installing content package');
  });

  it('show ERROR lines after a failed deployment, also for a while after it ended', () => {
    const { sim, clock } = newSimulation();
    const execution = startRun(sim, clock, WKND.programId, WKND.production, 'stageDeployFailure');
    runUntil(sim, clock, isOver(execution), 3 * HOUR, 10_000);
    const deploy = stepOf(execution, 'deploy', 'stage');
    expect(deploy.status).toBe('FAILED');
    clock.now = deploy.finishedAt! + 15 * 60_000;
    sim.advanceTo(clock.now);
    const text = environmentLog(sim, WKND_STAGE, 'publish', 'aemerror', clock.now);
    expect(text).toMatch(/\*ERROR\* \[OsgiInstallerImpl\] \S+ Could not start bundle com\.wknd\.site\.core/);
    expect(text).toContain(`Deployment of release ${execution.artifactsVersion} (AEM `);
    expect(text).toMatch(/\*ERROR\* .* failed on cm-p1-e10011-aem-publish-\S+: bundle com\.wknd\.site\.core is not active; rolling back/);
    const after = text.split('\n').filter((line) => line.includes('Health check "Deployment Verification" failed'));
    expect(after.length).toBe(3);
  });

  it('serve the last 14 days, today first, none before the environment existed', () => {
    const { sim, clock } = newSimulation();
    const environment = sim.environment(WKND_PROD)!;
    const days = servedDays(sim, environment, clock.now);
    expect(days).toHaveLength(14);
    expect(days[0]).toBe(new Date(clock.now).toISOString().slice(0, 10));
    expect(days[13]).toBe(new Date(clock.now - 13 * DAY_MS).toISOString().slice(0, 10));
    expect(servedDays(sim, environment, clock.now, 2)).toEqual(days.slice(0, 2));
    sim.program(environment.programId).createdAt = clock.now - DAY_MS;
    expect(servedDays(sim, environment, clock.now)).toEqual(days.slice(0, 2));
  });

  it('cut a day at its midnight: chunks of [a, b) and [b, c) join to [a, c)', () => {
    const { sim, clock } = newSimulation();
    const source = logSource(
      sim,
      sim.environment(WKND_PROD)!,
      'publish',
      'aemaccess',
      new Date(clock.now - DAY_MS).toISOString().slice(0, 10),
    );
    const whole = [...logText(source, source.dayStart - HOUR, source.dayStart + DAY_MS + HOUR)];
    expect(whole).toHaveLength(24);
    const cut = source.dayStart + 7 * HOUR + 1234;
    expect([...logText(source, source.dayStart, cut), ...logText(source, cut, source.dayStart + DAY_MS)].join('')).toBe(whole.join(''));
  });
});
