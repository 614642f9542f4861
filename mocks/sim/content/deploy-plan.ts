/**
 * The deploy step: one plan gives both the log and the activities (deploymentStepDescription), so
 * they agree. Production is a rolling deployment (cm-ui §10.5): release candidate, indexes, author,
 * then one dispatcher/publish pair at a time (detach, deploy, flush, health check, attach), then
 * mutable content and cache warm-up. Stage (and dev) get the shorter single-pair version.
 * A failing production deployment stops at the second pair (publish2) and rolls back.
 */
import { AEM_SDK_VERSION, LogBuilder, environmentType, isFailure, isoSeconds, projectInfo } from './log-builder';
import { rngFor } from './rng';
import type { ContentContext, DeployActivity, LogLine } from './types';

interface Planned {
  lines: LogLine[];
  activities: DeployActivity[];
}

type Act = Omit<DeployActivity, 'at' | 'id'>;

export function deployPlan(ctx: ContentContext): Planned {
  const rng = rngFor(ctx, 'deploy', ctx.step.id);
  const project = projectInfo(ctx);
  const prod = environmentType(ctx) === 'prod';
  const failing = isFailure(ctx);
  const envName = ctx.environment?.name ?? ctx.step.environment ?? `${project.slug}-${environmentType(ctx)}`;
  const b = new LogBuilder();
  const pending: { index: number; act: Act }[] = [];
  const say = (text: string, weight = 0.2) => b.line((c) => `${isoSeconds(c.now)} ${text}`, weight);
  const done = (act: Act) => pending.push({ index: b.length - 1, act });
  const rc = `rc-${ctx.execution.id}-${rng.hex(6)}`;

  say(
    `Deployment to ${prod ? 'production' : environmentType(ctx)} environment ${envName}${ctx.step.environmentId ? ` (${ctx.step.environmentId})` : ''} started for execution ${ctx.execution.id}`,
    0.5,
  );
  say(
    `Artifacts: ${project.slug}.all-1.0.0-SNAPSHOT.zip, ${project.slug}.dispatcher.cloud-1.0.0-SNAPSHOT.zip (commit ${ctx.execution.sim.commitId.slice(0, 7)})`,
  );
  say(`AEM release: ${AEM_SDK_VERSION}`);
  say(`Building release candidate ${rc} (customer code + AEM release image)`, 6);
  say(`Release candidate ${rc} is ready`, 2);

  say('Checking for new or changed index definitions', 2);
  const indexes = rng.sample(INDEXES, rng.int(0, 3));
  if (indexes.length === 0) say('No new or changed indexes: nothing to reindex', 1);
  for (const index of indexes) {
    say(`Building index /oak:index/${index}-custom-${rng.int(1, 4)} on the release candidate`, rng.float(8, 20));
    say(`Index /oak:index/${index} is ready (${rng.int(10_000, 900_000)} nodes indexed)`, 1);
  }

  // Author.
  say('Starting new author node author1 with the release candidate next to the running one', 8);
  for (const pkg of packages(project.slug).filter((p) => !p.includes('ui.content'))) say(`Installing ${pkg} on author1`, rng.float(1, 3));
  say(`Health check author1: OK (HTTP 200 in ${rng.int(80, 400)} ms)`, 3);
  say('Switching author traffic to author1; retiring the previous author node', 2);
  done({ stepAction: 'DEPLOY_AUTHOR', instanceId: 'author1', description: 'Deployed the AEM packages to author1' });

  const pairs = prod ? rng.int(2, 3) : 1;
  let failedOn: number | undefined;
  for (let n = 1; n <= pairs; n += 1) {
    const dispatcher = `dispatcher${n}`;
    const publish = `publish${n}`;
    say(`--- ${prod ? `Publish/dispatcher pair ${n} of ${pairs}` : 'Publish tier'} ---`, 0.5);
    if (prod) {
      say(`Detaching ${dispatcher} from the load balancer`, 2);
      say(`${dispatcher} detached; the other pairs keep serving traffic`, 0.5);
      done({ stepAction: 'DETACH_DISPATCHER', instanceId: dispatcher, description: `Detached ${dispatcher} from the load balancer` });
    }
    for (const pkg of packages(project.slug).filter((p) => !p.includes('ui.content')))
      say(`Installing ${pkg} on ${publish}`, rng.float(1, 3));
    const failsHere = failing && (prod ? n === 2 : true);
    if (failsHere) {
      for (let attempt = 1; attempt <= 3; attempt += 1)
        say(`Health check ${publish}: HTTP 503 Service Unavailable (attempt ${attempt}/3)`, 4);
      failedOn = n;
      break;
    }
    done({ stepAction: 'DEPLOY_PUBLISH', instanceId: publish, description: `Deployed the AEM packages to ${publish}` });
    say(`Deploying the dispatcher configuration ${project.slug}.dispatcher.cloud-1.0.0-SNAPSHOT.zip to ${dispatcher}`, 2);
    say(`Dispatcher configuration validated and applied on ${dispatcher}`, 1);
    done({ stepAction: 'DEPLOY_DISPATCHER', instanceId: dispatcher, description: `Deployed the dispatcher package to ${dispatcher}` });
    say(`Flushing the dispatcher cache on ${dispatcher}`, 1.5);
    say(`Dispatcher cache flushed on ${dispatcher} (${rng.int(200, 9000)} entries invalidated)`, 0.5);
    done({ stepAction: 'FLUSH_DISPATCHER_CACHE', instanceId: dispatcher, description: `Flushed the dispatcher cache of ${dispatcher}` });
    say(`Health check ${publish} through ${dispatcher}: OK (HTTP 200 in ${rng.int(60, 350)} ms)`, 2);
    if (prod) {
      say(`Attaching ${dispatcher} to the load balancer`, 1.5);
      say(`${dispatcher} serves traffic again`, 0.5);
      done({ stepAction: 'ATTACH_DISPATCHER', instanceId: dispatcher, description: `Attached ${dispatcher} to the load balancer` });
    }
  }

  if (failedOn !== undefined) {
    const where = `publish${failedOn}`;
    b.line((c) => `${isoSeconds(c.now)} [ERROR] ${where} did not pass its health checks with the new release`, 1);
    say(
      `Rolling back: restoring the previous release on author1${prod ? `, ${Array.from({ length: failedOn }, (_, i) => `publish${i + 1}`).join(', ')}` : `, ${where}`}`,
      6,
    );
    if (prod) say(`Attaching dispatcher${failedOn} to the load balancer with the previous release`, 2);
    say('The environment was restored to the previous release.', 1);
    b.line(
      (c) =>
        `${isoSeconds(c.now)} [ERROR] ${prod ? `Deployment to the production environment failed on ${where}. The environment was restored to the previous release.` : 'Deployment to the stage environment failed: the new release did not pass its health checks.'}`,
    );
  } else {
    say('Installing mutable content (ui.content) on author1', rng.float(3, 8));
    say(`Mutable content installed on author1: ${rng.int(40, 400)} nodes created or updated`, 1);
    done({ stepAction: 'INSTALL_MUTABLE_CONTENT', instanceId: 'author1', description: 'Installed the mutable content on author1' });
    say('Warming up the dispatcher caches before the new publish nodes take all traffic', rng.float(3, 8));
    say(`Cache warm-up finished (${rng.int(20, 200)} pages requested)`, 1);
    done({ stepAction: 'WARM_UP_CACHE', instanceId: 'cdn', description: 'Warmed up the dispatcher caches' });
    say('Retiring the nodes of the previous release', 2);
    say(`Deployment to ${prod ? 'production' : environmentType(ctx)} environment ${envName} finished successfully.`, 0.5);
  }

  const lines = b.build(ctx);
  const activities = pending.map(({ index, act }, i) => ({ at: lines[index].at, id: `${ctx.step.id}-${i + 1}`, ...act }));
  return { lines, activities };
}

function packages(slug: string): string[] {
  return [
    `${slug}.ui.apps.structure-1.0.0-SNAPSHOT.zip`,
    `${slug}.ui.apps-1.0.0-SNAPSHOT.zip`,
    `${slug}.ui.config-1.0.0-SNAPSHOT.zip`,
    `${slug}.core-1.0.0-SNAPSHOT.jar`,
    `${slug}.ui.content-1.0.0-SNAPSHOT.zip`,
  ];
}

const INDEXES = ['damAssetLucene', 'cqPageLucene', 'ntBaseLucene', 'slingResourceType', 'cqTags', 'workflowDataLucene'];

export function deployActivities(ctx: ContentContext): DeployActivity[] {
  if (ctx.step.action !== 'deploy') return [];
  return deployPlan(ctx).activities;
}
