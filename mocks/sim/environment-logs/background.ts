/**
 * The everyday lines of each log (traffic and housekeeping), drawn per simulated minute from a hash
 * of (source, minute): how many lines the minute has follows the environment's type, the service,
 * the log and the hour of the day; what each line says is drawn from the same stream. The formats
 * are those of AEM as a Cloud Service's logs (error, request and access logs of author, publish and
 * preview; Apache access and error logs and the dispatcher log of a dispatcher).
 */
import type { Rng } from '../content/rng';
import { aemTime, clfTime, httpdTime, type MinuteStamp } from './clock';
import { USER_AGENTS, type Site } from './site';
import { aemServiceOf, type LogSource } from './source';

/** Writes one line (or entry: an error with its stack trace) at `offsetMs` into the minute; `id` numbers the day's requests. */
export type LineMaker = (rng: Rng, stamp: MinuteStamp, offsetMs: number, id: number) => string;

export interface BackgroundLog {
  /** Lines per minute at the busiest hour of the day. */
  peakPerMinute: number;
  line: LineMaker;
}

/** Peak lines per minute of a production environment's logs, by log and service. */
const PEAK: Record<string, Partial<Record<string, number>>> = {
  aemaccess: { author: 8, publish: 24, preview: 2 },
  aemrequest: { author: 4, publish: 8, preview: 1 },
  aemerror: { author: 6, publish: 4, preview: 1.5 },
  httpdaccess: { dispatcher: 16, preview_dispatcher: 1.5 },
  aemdispatcher: { dispatcher: 12, preview_dispatcher: 1 },
  httpderror: { dispatcher: 0.2, preview_dispatcher: 0.05 },
};
/** Non-production environments see a fraction of production's traffic. */
const TYPE_FACTOR: Record<string, number> = { prod: 1, stage: 0.25, dev: 0.15, rde: 0.1, preprod: 0.25 };

/** 0.35 at 02:00 UTC rising to 1 at 14:00 UTC. */
export function dailyCurve(minuteOfDay: number): number {
  return 0.35 + 0.65 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (minuteOfDay / 60 - 2)) / 24));
}

const pick = <T>(rng: Rng, items: readonly T[]) => items[Math.floor(rng.next() * items.length)];

function status(rng: Rng): number {
  const r = rng.next();
  if (r < 0.82) return 200;
  if (r < 0.9) return 304;
  if (r < 0.94) return 404;
  if (r < 0.97) return 301;
  if (r < 0.99) return 302;
  return r < 0.995 ? 500 : 503;
}

function request(rng: Rng, site: Site, author: boolean): { path: string; page: boolean } {
  if (author && rng.next() < 0.7) return { path: pick(rng, site.authorPaths), page: false };
  const page = rng.next() < 0.4;
  return { path: page ? pick(rng, site.pages) : pick(rng, site.assets), page };
}

const mime = (path: string) =>
  path.endsWith('.html')
    ? 'text/html'
    : path.endsWith('.css')
      ? 'text/css'
      : path.endsWith('.js')
        ? 'application/javascript'
        : path.endsWith('.json')
          ? 'application/json'
          : path.endsWith('.ico')
            ? 'image/x-icon'
            : 'image/jpeg';

const AUTHOR_USERS = ['admin', 'jane.doe@simulatedorg.com', 'content.author@simulatedorg.com', 'dam.editor@simulatedorg.com'];

/** AEM access log: `pod - user 30/Nov/2026:14:02:11 +0000  "GET /path HTTP/1.1" 200 1234 "referrer" "agent"`. */
function accessLine(site: Site, author: boolean): LineMaker {
  return (rng, stamp, offset) => {
    const { path, page } = request(rng, site, author);
    const code = status(rng);
    const bytes = code === 304 ? 0 : page ? rng.int(8_000, 90_000) : rng.int(300, 400_000);
    const user = author ? pick(rng, AUTHOR_USERS) : '-';
    const referrer = rng.next() < 0.3 ? '-' : `${site.origin}${pick(rng, site.pages)}`;
    return `${pick(rng, site.pods)} - ${user} ${clfTime(stamp, offset)}  "GET ${path} HTTP/1.1" ${code} ${bytes} "${referrer}" "${pick(rng, USER_AGENTS)}"`;
  };
}

/** Apache access log of a dispatcher (combined format behind the pod name). */
function httpdAccessLine(site: Site): LineMaker {
  return (rng, stamp, offset) => {
    const { path, page } = request(rng, site, false);
    const code = status(rng);
    const bytes = code === 304 ? 0 : page ? rng.int(8_000, 90_000) : rng.int(300, 400_000);
    const referrer = rng.next() < 0.3 ? '-' : `${site.origin}${pick(rng, site.pages)}`;
    return `${pick(rng, site.pods)} - - ${clfTime(stamp, offset)} "GET ${path} HTTP/1.1" ${code} ${bytes} "${referrer}" "${pick(rng, USER_AGENTS)}"`;
  };
}

/** AEM request log: a `->` line and its `<-` line. */
function requestLines(site: Site, author: boolean): LineMaker {
  return (rng, stamp, offset, id) => {
    const { path } = request(rng, site, author);
    const time = clfTime(stamp, offset);
    const method = author && rng.next() < 0.15 ? 'POST' : 'GET';
    return `${time} [${id}] -> ${method} ${path} HTTP/1.1\n${time} [${id}] <- ${status(rng)} ${mime(path)} ${rng.int(1, 900)}ms`;
  };
}

/** Dispatcher log: `[30/Nov/2026:14:02:11 +0000] [I] [pid 123] "GET /path" - 2ms [publishfarm/0] [action hit] "host"`. */
function dispatcherLine(site: Site, farm: string, host: string): LineMaker {
  return (rng, stamp, offset) => {
    const { path } = request(rng, site, false);
    const hit = rng.next() < 0.7;
    const code = hit ? '-' : String(status(rng));
    const level = code.startsWith('5') ? 'W' : 'I';
    const ms = hit ? rng.int(0, 4) : rng.int(15, 900);
    return `[${clfTime(stamp, offset)}] [${level}] [pid ${rng.int(300, 399)}] "GET ${path}" ${code} ${ms}ms [${farm}/0] [action ${hit ? 'hit' : 'miss'}] "${host}"`;
  };
}

const HTTPD_ERRORS: ((rng: Rng, site: Site) => string)[] = [
  (rng) =>
    `[authz_core:error] [pid ${rng.int(100, 999)}:tid ${rng.int(140000000000, 140999999999)}] [client 10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}:${rng.int(30000, 65000)}] AH01630: client denied by server configuration: /mnt/var/www/html/libs/granite/core/content/login.html`,
  (rng, site) =>
    `[proxy_http:error] [pid ${rng.int(100, 999)}:tid ${rng.int(140000000000, 140999999999)}] (104)Connection reset by peer: [client 10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}:${rng.int(30000, 65000)}] AH01102: error reading status line from remote server localhost:4503, referer: ${site.origin}${site.pages[0]}`,
  (rng) =>
    `[mpm_worker:notice] [pid 1:tid ${rng.int(140000000000, 140999999999)}] AH00297: SIGUSR1 received. Doing graceful restart of idle workers`,
  (rng) =>
    `[core:warn] [pid ${rng.int(100, 999)}:tid ${rng.int(140000000000, 140999999999)}] AH00045: child process ${rng.int(100, 999)} still did not exit, sending a SIGTERM`,
  (rng) =>
    `[dispatcher:warn] [pid ${rng.int(100, 999)}:tid ${rng.int(140000000000, 140999999999)}] Unable to fetch vanity URLs from 127.0.0.1:4503/libs/granite/dispatcher/content/vanityUrls.html: remote server returned: HTTP/1.1 503`,
];

function httpdErrorLine(site: Site): LineMaker {
  return (rng, stamp, offset) => `[${httpdTime(stamp, offset, rng.int(0, 999))}] ${pick(rng, HTTPD_ERRORS)(rng, site)}`;
}

const THREADS = ['qtp1730311238-', 'sling-default-', 'sling-oak-observation-', 'oak-repository-executor-', 'JobHandler-'];

const INFO: ((rng: Rng, site: Site) => string)[] = [
  (rng, site) =>
    `org.apache.sling.engine.impl.SlingRequestProcessorImpl Request processed: GET ${pick(rng, site.pages)} (${rng.int(3, 400)} ms)`,
  (rng) =>
    `com.adobe.granite.repository.impl.CommitStats Commit stats: ${rng.int(10, 400)} commits in the last minute, mean ${rng.int(1, 40)} ms`,
  (rng) =>
    `org.apache.jackrabbit.oak.plugins.index.IndexUpdate [async] Reindexing completed for /oak:index/${pick(rng, ['damAssetLucene', 'cqPageLucene', 'ntBaseLucene'])} in ${rng.int(20, 3000)} ms`,
  (rng, site) =>
    `org.apache.sling.distribution.journal.impl.publisher.DistributionPublisher Distributed package distrib-${rng.hex(8)} of ${pick(rng, site.pages)}`,
  (rng) =>
    `com.adobe.granite.workflow.core.job.JobHandler Workflow step completed: ${pick(rng, ['DAM Update Asset', 'Publish Content Tree', 'Request for Activation'])}`,
  (rng) =>
    `org.apache.sling.commons.scheduler.impl.QuartzScheduler Job com.adobe.granite.taskmanagement.impl.purge.TaskPurgeMaintenanceTask-${rng.int(1, 9)} ran in ${rng.int(1, 900)} ms`,
  (rng, site) =>
    `com.day.cq.dam.core.impl.process.CreateThumbnailProcess Created renditions for /content/dam/${site.name}/images/upload-${rng.int(1, 999)}.jpg`,
];
const WARN: ((rng: Rng, site: Site) => string)[] = [
  (rng) =>
    `org.apache.jackrabbit.oak.plugins.index.Cursors$TraversingCursor Traversed ${rng.int(10, 100) * 1000} nodes with filter Filter(query=select [jcr:path] from [cq:Page] where [jcr:content/cq:template] = '/conf/site/templates/article'); consider creating an index or changing the query`,
  (rng, site) =>
    `com.adobe.cq.wcm.core.components.internal.models.v1.ImageImpl Could not find the image resource for ${pick(rng, site.pages).replace('.html', '')}/jcr:content/root/container/image`,
  (rng) =>
    `org.apache.sling.servlets.post.impl.operations.ModifyOperation Property ${pick(rng, ['jcr:title', 'sling:resourceType', 'cq:tags'])} was not modified: value is unchanged`,
  () => `com.day.cq.wcm.core.impl.LanguageManagerImpl Unable to determine the language of /content/experience-fragments: no jcr:language`,
];
const ERROR: ((rng: Rng, site: Site) => string)[] = [
  (rng, site) =>
    `org.apache.sling.engine.impl.SlingRequestProcessorImpl service: Uncaught SlingException for ${pick(rng, site.pages)}\norg.apache.sling.scripting.sightly.SightlyException: Identifier com.${site.name}.site.core.models.Byline cannot be correctly instantiated by the Use API\n\tat org.apache.sling.scripting.sightly.impl.engine.extension.use.JavaUseProvider.provide(JavaUseProvider.java:${rng.int(90, 140)})\n\tat org.apache.sling.scripting.sightly.impl.engine.extension.use.UseRuntimeExtension.call(UseRuntimeExtension.java:${rng.int(60, 90)})\n\tat org.apache.sling.scripting.sightly.impl.engine.runtime.RenderUnit.callFn(RenderUnit.java:${rng.int(90, 120)})\nCaused by: java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null`,
  (rng) =>
    `com.day.cq.wcm.core.impl.LanguageManagerImpl Error while retrieving language property\njavax.jcr.AccessDeniedException: cannot read properties\n\tat org.apache.jackrabbit.oak.jcr.session.NodeImpl.getProperty(NodeImpl.java:${rng.int(300, 400)})\n\tat com.day.cq.wcm.core.impl.LanguageManagerImpl.getLanguage(LanguageManagerImpl.java:${rng.int(200, 300)})`,
  (rng) =>
    `org.apache.sling.distribution.journal.impl.subscriber.DistributionSubscriber Failed to process distribution package distrib-${rng.hex(8)}, will retry (attempt ${rng.int(1, 3)})`,
];
const DEBUG: ((rng: Rng, site: Site) => string)[] = [
  (rng, site) => `org.apache.sling.auth.core.impl.SlingAuthenticator doHandleSecurity: anonymous access to ${pick(rng, site.pages)}`,
  (rng) => `org.apache.sling.resourceresolver.impl.mapping.MapEntries Refreshed vanity paths: ${rng.int(0, 40)} entries`,
];

/** AEM error log: `30.11.2026 14:02:11.123 *INFO* [thread] logger message` (an ERROR sometimes with its stack trace). */
function errorLine(site: Site): LineMaker {
  return (rng, stamp, offset) => {
    const r = rng.next();
    const [level, messages] = r < 0.015 ? ['ERROR', ERROR] : r < 0.09 ? ['WARN', WARN] : r < 0.14 ? ['DEBUG', DEBUG] : ['INFO', INFO];
    const thread = `${pick(rng, THREADS)}${rng.int(1, 400)}`;
    return `${aemTime(stamp, offset)} *${level}* [${thread}] ${pick(rng, messages)(rng, site)}`;
  };
}

/** The everyday lines of `source`'s log (undefined for a log the service does not have). */
export function backgroundLog(source: LogSource, site: Site): BackgroundLog | undefined {
  const peak = PEAK[source.name]?.[source.service];
  if (peak === undefined) return undefined;
  const author = aemServiceOf(source.service) === 'author';
  const perMinute = peak * (TYPE_FACTOR[source.environmentType] ?? 0.2);
  const preview = source.service.startsWith('preview');
  switch (source.name) {
    case 'aemaccess':
      return { peakPerMinute: perMinute, line: accessLine(site, author) };
    case 'aemrequest':
      return { peakPerMinute: perMinute, line: requestLines(site, author) };
    case 'aemerror':
      return { peakPerMinute: perMinute, line: errorLine(site) };
    case 'httpdaccess':
      return { peakPerMinute: perMinute, line: httpdAccessLine(site) };
    case 'aemdispatcher':
      return { peakPerMinute: perMinute, line: dispatcherLine(site, preview ? 'previewfarm' : 'publishfarm', source.host) };
    case 'httpderror':
      return { peakPerMinute: perMinute, line: httpdErrorLine(site) };
    default:
      return undefined;
  }
}
