/**
 * What the pipeline and the people did, as an environment's logs show it. Deployments to the
 * environment (deploy steps of executions) write bundle stops and starts, content package installs
 * and the release they deployed into the AEM error logs, and a graceful restart into the dispatchers'
 * Apache error logs; a failed one writes ERROR lines, also for a while after it ended. A change of
 * the environment's variables writes a configuration reload naming the variables (never a value)
 * into the error logs of the services it applies to.
 *
 * An event only ever writes lines at or after the time it happened, so a log read up to any time
 * stays a prefix of the same log read later (the tail is append-only).
 */
import { createRng, hashString } from '../content/rng';
import { aemRelease, isActiveExecution, runStart, type Simulation } from '../engine';
import type { Environment } from '../model';
import { MINUTE_MS, aemTime, httpdTime, minuteStamp } from './clock';
import type { Site } from './site';
import { aemServiceOf, isDispatcher, type DeploymentEvent, type LogEvent, type LogSource } from './source';

/** How long after a failed deployment its ERROR lines go on. */
const AFTERMATH_MS = 10 * MINUTE_MS;

/** Whether a log shows events at all: the AEM error logs and the dispatchers' Apache error logs. */
function showsEvents(service: string, name: string): boolean {
  return isDispatcher(service) ? name === 'httpderror' : name === 'aemerror';
}

/** The events of `environment` that write lines into `service`'s `name` log between `from` and `to`. */
export function logEvents(sim: Simulation, environment: Environment, service: string, name: string, from: number, to: number): LogEvent[] {
  if (!showsEvents(service, name)) return [];
  const events: LogEvent[] = [];
  for (const execution of sim.state.executions) {
    if (execution.createdAt >= to) continue;
    if (!isActiveExecution(execution) && (execution.finishedAt ?? 0) + AFTERMATH_MS < from) continue;
    for (const step of execution.steps) {
      if (step.action !== 'deploy' || step.environmentId !== environment.id || step.startedAt === undefined) continue;
      const start = runStart(step, execution);
      const end = start + step.sim.durationMs;
      if (start >= to || end + AFTERMATH_MS < from) continue;
      events.push({
        kind: 'deployment',
        executionId: execution.id,
        stepId: step.stepId,
        start,
        end,
        failed: step.sim.result !== 'FINISHED',
        artifactsVersion: execution.artifactsVersion,
        aemRelease: aemRelease(execution),
        pushUpdate: execution.trigger === 'PUSH_UPGRADES',
      });
    }
  }
  if (!isDispatcher(service)) {
    const aem = aemServiceOf(service);
    for (const update of environment.sim.updates) {
      if (update.until < from || update.at >= to) continue;
      const names = update.variables.filter((v) => v.service === undefined || v.service === aem).map((v) => v.name);
      if (names.length) events.push({ kind: 'variables', at: update.at, until: update.until, names: [...new Set(names)] });
    }
  }
  return events;
}

/** The time an event's first line is written: nothing it writes is earlier. */
export const eventStart = (event: LogEvent) => (event.kind === 'deployment' ? event.start : event.at);

export interface TimedLine {
  time: number;
  text: string;
}

/** The lines the events of `source` write, in time order (lines at the same time keep their order). */
export function eventLines(source: LogSource, site: Site): TimedLine[] {
  const lines: TimedLine[] = [];
  for (const event of source.events) {
    if (event.kind === 'variables') lines.push(...variableLines(event.at, event.until, event.names));
    else if (isDispatcher(source.service)) lines.push(...dispatcherDeploymentLines(source, event));
    else lines.push(...deploymentLines(source, site, event));
  }
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => a.line.time - b.line.time || a.index - b.index)
    .map((x) => x.line);
}

function aemLine(time: number, level: string, thread: string, text: string): TimedLine {
  const minute = Math.floor(time / MINUTE_MS) * MINUTE_MS;
  return { time, text: `${aemTime(minuteStamp(minute), time - minute)} *${level}* [${thread}] ${text}` };
}

function httpdLine(time: number, text: string): TimedLine {
  const minute = Math.floor(time / MINUTE_MS) * MINUTE_MS;
  return { time, text: `[${httpdTime(minuteStamp(minute), time - minute, 0)}] ${text}` };
}

function variableLines(at: number, until: number, names: string[]): TimedLine[] {
  const list = names.join(', ');
  const thread = 'ConfigurationAdmin Update Queue';
  const logger = 'org.apache.felix.cm.impl.ConfigurationManager';
  return [
    aemLine(at, 'INFO', thread, `${logger} Environment variables changed: ${list}; updating the configurations that use them`),
    aemLine(until - 1, 'INFO', thread, `${logger} Environment variables applied: ${list}`),
  ];
}

/** When, within a deployment, a service's nodes are deployed: author first, then publish (and preview). */
function serviceWindow(service: string): [number, number] {
  return aemServiceOf(service) === 'author' ? [0.08, 0.45] : [0.5, 0.92];
}

function deploymentLines(source: LogSource, site: Site, event: DeploymentEvent): TimedLine[] {
  const rng = createRng(hashString(`deploy|${source.seed}|${event.stepId}|${source.service}`));
  const [w0, w1] = serviceWindow(source.service);
  const at = (x: number) => Math.floor(event.start + (event.end - event.start) * (w0 + (w1 - w0) * x));
  const pod = site.pods[0];
  const bundles = [`com.${site.name}.site.core`, `com.${site.name}.site.models`].map((name) => ({ name, id: rng.int(500, 700) }));
  const packages = ['ui.apps', 'ui.config', 'ui.content', 'all'].map((p) => `${site.name}.${p}-1.0.0-SNAPSHOT.zip`);
  const installer = 'org.apache.sling.installer.core.impl.OsgiInstallerImpl';
  const framework = 'org.apache.felix.framework';
  const packaging = 'org.apache.jackrabbit.vault.packaging.impl.PackageManagerImpl';
  const release = `${event.artifactsVersion} (AEM ${event.aemRelease})`;
  const lines: TimedLine[] = [
    aemLine(
      at(0),
      'INFO',
      'OsgiInstallerImpl',
      `${installer} Deployment of release ${release} started on ${pod} by execution ${event.executionId}${event.pushUpdate ? ' (AEM release update)' : ''}`,
    ),
  ];
  for (const b of bundles) {
    lines.push(aemLine(at(0.05), 'INFO', 'FelixDispatchQueue', `${framework} BundleEvent STOPPING: ${b.name} [${b.id}]`));
    lines.push(aemLine(at(0.07), 'INFO', 'FelixDispatchQueue', `${framework} BundleEvent STOPPED: ${b.name} [${b.id}]`));
  }
  packages.forEach((pkg, i) => {
    const x = 0.15 + i * 0.1;
    lines.push(aemLine(at(x), 'INFO', 'OsgiInstallerImpl', `${packaging} Installing content package ${pkg}`));
    lines.push(
      aemLine(at(x + 0.08), 'INFO', 'OsgiInstallerImpl', `${packaging} Content package ${pkg} installed in ${rng.int(300, 9000)} ms`),
    );
  });
  if (event.failed) {
    const b = bundles[0];
    lines.push(
      aemLine(
        at(0.6),
        'ERROR',
        'OsgiInstallerImpl',
        `org.apache.sling.installer.core.impl.tasks.BundleStartTask Could not start bundle ${b.name} [${b.id}]. Reason: org.osgi.framework.BundleException: Unable to resolve ${b.name} [${b.id}](R ${b.id}.0): missing requirement [${b.name} [${b.id}](R ${b.id}.0)] osgi.wiring.package; (osgi.wiring.package=com.${site.name}.site.services.search)\n\tat org.apache.felix.framework.Felix.resolveBundleRevision(Felix.java:4398)\n\tat org.apache.felix.framework.Felix.startBundle(Felix.java:2308)\n\tat org.apache.felix.framework.BundleImpl.start(BundleImpl.java:1006)`,
      ),
      aemLine(
        at(0.8),
        'ERROR',
        'OsgiInstallerImpl',
        `${installer} Deployment of release ${release} failed on ${pod}: bundle ${b.name} is not active; rolling back to the previous release`,
      ),
      aemLine(at(1), 'WARN', 'OsgiInstallerImpl', `${installer} Rolled back to the previous release on ${pod}`),
    );
    for (const minutes of [1, 4, 9]) {
      lines.push(
        aemLine(
          event.end + minutes * MINUTE_MS - rng.int(0, 20_000),
          'ERROR',
          'HealthCheck Deployment Verification',
          `org.apache.felix.hc.core.impl.executor.HealthCheckExecutorImpl Health check "Deployment Verification" failed: release ${event.artifactsVersion} was rolled back (${b.name} did not start)`,
        ),
      );
    }
    return lines;
  }
  for (const b of bundles) {
    lines.push(aemLine(at(0.6), 'INFO', 'FelixDispatchQueue', `${framework} BundleEvent STARTING: ${b.name} [${b.id}]`));
    lines.push(aemLine(at(0.62), 'INFO', 'FelixDispatchQueue', `${framework} BundleEvent STARTED: ${b.name} [${b.id}]`));
  }
  lines.push(
    aemLine(
      at(0.75),
      'INFO',
      'OsgiInstallerImpl',
      `com.adobe.granite.installer.impl.ReleaseTracker Release ${release} is active on ${pod}`,
    ),
  );
  lines.push(
    aemLine(at(1), 'INFO', 'OsgiInstallerImpl', `${installer} Deployment of release ${event.artifactsVersion} finished on ${pod}`),
  );
  return lines;
}

function dispatcherDeploymentLines(source: LogSource, event: DeploymentEvent): TimedLine[] {
  const [w0, w1] = serviceWindow(source.service);
  const at = (x: number) => Math.floor(event.start + (event.end - event.start) * (w0 + (w1 - w0) * x));
  const tid = 140000000000 + (hashString(`${source.seed}|${event.stepId}`) % 999999999);
  const lines = [
    httpdLine(at(0.3), `[mpm_worker:notice] [pid 1:tid ${tid}] AH00493: SIGUSR1 received.  Doing graceful restart`),
    httpdLine(
      at(0.32),
      `[mpm_worker:notice] [pid 1:tid ${tid}] AH00292: Apache/2.4.62 (Unix) Communique/4.3.8 mod_qos/11.74 configured -- resuming normal operations`,
    ),
    httpdLine(at(0.33), `[dispatcher:info] [pid 1:tid ${tid}] Dispatcher configuration of release ${event.artifactsVersion} loaded`),
  ];
  if (event.failed)
    lines.push(
      httpdLine(
        at(0.8),
        `[dispatcher:error] [pid 1:tid ${tid}] Health check of release ${event.artifactsVersion} failed: backend returned HTTP/1.1 503; rolling back`,
      ),
      httpdLine(at(1), `[mpm_worker:notice] [pid 1:tid ${tid}] AH00493: SIGUSR1 received.  Doing graceful restart`),
    );
  return lines;
}
