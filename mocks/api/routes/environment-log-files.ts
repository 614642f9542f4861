/**
 * The files environment log links point at (under the simulator's file root, like step logs):
 * `…/environment/{id}/logs/{service}/{name}/{date}.log.gz`, the day gzip-compressed (the download;
 * `application/gzip`, no `content-encoding`: clients gunzip it, as Cloud Manager's `.log.gz`), and
 * `…/{date}.log`, the day as plain text so far (the tail: HEAD gives its length, `Range: bytes=N-`
 * what is new, 416 when nothing is). A day's tail URL keeps serving it once the day is over.
 */
import { LOG_DAYS, logSource, offersLog, servedDays } from '../../sim/environment-logs';
import { dayGzip, dayText } from '../environment-log-cache';
import { HttpError } from '../problem';
import { serveBytes } from '../ranges';
import type { RouteContext } from '../router';

/** GET (HEAD) a day of an environment log: `{date}.log.gz` or `{date}.log`. */
export async function file(ctx: RouteContext<'environment', 'service' | 'logName' | 'file'>): Promise<Response> {
  const { environment } = ctx;
  const { service, logName, file: name } = ctx.params;
  const match = /^(\d{4}-\d{2}-\d{2})\.(log|log\.gz)$/.exec(name);
  if (!match || !offersLog(environment, service, logName)) throw new HttpError(404, 'Not found', 'No such file.');
  const [, date, kind] = match;
  if (!servedDays(ctx.engine, environment, ctx.now).includes(date))
    throw new HttpError(404, 'Log not found', `No log for ${date.slice(0, 10)}: logs are kept for the last ${LOG_DAYS} days.`);
  const source = logSource(ctx.engine, environment, service, logName, date);
  const filename = `${environment.id}-${service}-${logName}-${date}.${kind}`;
  const disposition = { 'content-disposition': `attachment; filename="${filename}"` };
  if (kind === 'log.gz') return serveBytes(await dayGzip(source, ctx.now), ctx.request, 'application/gzip', disposition);
  return serveBytes(await dayText(source, ctx.now), ctx.request, 'text/plain; charset=utf-8');
}
