/**
 * An environment's logs (the spec's `getEnvironmentLogs` and `downloadLogs`): the list of the days
 * of the logs asked for, each with its download link (and today's with its tail URL), and the
 * download, a redirect to the day's `.log.gz`. Query parameters are checked together: every missing
 * or invalid one is named in the 400 (`missingParams`, `invalidParams`, as the spec's
 * BadRequestError).
 */
import { LOG_DAYS, dateOf, offersLog, parseDate, servedDays, servicesOf } from '../../sim/environment-logs';
import { logOptionsOf } from '../../sim/environments';
import type { Environment } from '../../sim/model';
import * as hal from '../hal';
import type { LogAddress } from '../hrefs';
import { HttpError, type ParamProblems } from '../problem';
import { json, redirectTo } from '../responses';
import type { RouteContext } from '../router';

type EnvironmentContext = RouteContext<'environment'>;

/** Collects what is wrong with a request's query parameters; `done` throws the 400 naming all of it. */
class QueryReader {
  private readonly missing: NonNullable<ParamProblems['missingParams']> = [];
  private readonly invalid: NonNullable<ParamProblems['invalidParams']> = [];

  constructor(private readonly query: URLSearchParams) {}

  /** Every value of a required, repeatable parameter (each once, in order). */
  all(name: string): string[] {
    const values = [...new Set(this.query.getAll(name).filter((v) => v !== ''))];
    if (!values.length) this.missing.push({ name, type: 'string' });
    return values;
  }

  /** The value of a required parameter. */
  one(name: string): string | undefined {
    const value = this.query.get(name) ?? '';
    if (value === '') this.missing.push({ name, type: 'string' });
    return value === '' ? undefined : value;
  }

  optional(name: string): string | undefined {
    return this.query.get(name) ?? undefined;
  }

  reject(name: string, reason: string): void {
    this.invalid.push({ name, reason });
  }

  done(): void {
    if (!this.missing.length && !this.invalid.length) return;
    const problems = [...this.missing.map((p) => `${p.name}: is required`), ...this.invalid.map((p) => `${p.name}: ${p.reason}`)];
    throw new HttpError(400, 'Invalid parameters', problems.join('; '), undefined, {
      ...(this.missing.length ? { missingParams: this.missing } : {}),
      // Missing parameters are invalid too: clients that read only invalidParams see them.
      invalidParams: [...this.missing.map((p) => ({ name: p.name, reason: 'is required' })), ...this.invalid],
    });
  }
}

const clip = (value: string) => JSON.stringify(value.slice(0, 40));

/** Checks services against the environment's: an unknown one is named with the ones it has. */
function checkServices(read: QueryReader, environment: Environment, services: string[]): string[] {
  const known = servicesOf(environment);
  for (const service of services)
    if (!known.includes(service)) read.reject('service', `unknown service ${clip(service)} (services: ${known.join(', ')})`);
  return services.filter((s) => known.includes(s));
}

/** GET `logs?service=…&name=…&days=…`: one download per service, log and day, newest day first. */
export function list(ctx: EnvironmentContext): Response {
  const { environment } = ctx;
  const read = new QueryReader(ctx.url.searchParams);
  const services = checkServices(read, environment, read.all('service'));
  const names = read.all('name');
  for (const name of names)
    if (services.length && !services.some((s) => offersLog(environment, s, name)))
      read.reject('name', `no log ${clip(name)} for ${services.join(', ')} (logs: ${offered(environment, services)})`);
  const daysText = read.optional('days') ?? '1';
  const days = /^\d{1,3}$/.test(daysText) ? Number(daysText) : NaN;
  if (!(days >= 1 && days <= LOG_DAYS)) read.reject('days', `must be a whole number from 1 to ${LOG_DAYS}, not ${clip(daysText)}`);
  read.done();
  const dates = servedDays(ctx.engine, environment, ctx.now, days);
  const downloads: LogAddress[] = dates.flatMap((date) =>
    services.flatMap((service) => names.filter((name) => offersLog(environment, service, name)).map((name) => ({ service, name, date }))),
  );
  return json(hal.environmentLogs(ctx, environment, { services, names, days, downloads, today: dateOf(ctx.now), origin: ctx.url }));
}

function offered(environment: Environment, services: string[]): string {
  const names = logOptionsOf(environment)
    .filter((o) => services.includes(o.service))
    .map((o) => o.name);
  return [...new Set(names)].join(', ');
}

/** GET `logs/download?service=…&name=…&date=…`: `{redirect}` to the day's `.log.gz` when asked for JSON, else 307. */
export function download(ctx: EnvironmentContext): Response {
  const { environment } = ctx;
  const read = new QueryReader(ctx.url.searchParams);
  const [service] = checkServices(
    read,
    environment,
    [read.one('service')].filter((s): s is string => s !== undefined),
  );
  const name = read.one('name');
  if (service && name && !offersLog(environment, service, name))
    read.reject('name', `no log ${clip(name)} for ${service} (logs: ${offered(environment, [service])})`);
  const date = read.one('date');
  if (date !== undefined && parseDate(date) === undefined) read.reject('date', `must be a date YYYY-MM-DD, not ${clip(date)}`);
  read.done();
  const log: LogAddress = { service: service!, name: name!, date: date! };
  if (!servedDays(ctx.engine, environment, ctx.now).includes(log.date)) {
    throw new HttpError(
      404,
      'Log not found',
      `No ${log.service} ${log.name} log for ${log.date}: logs are kept for the last ${LOG_DAYS} days (today is ${dateOf(ctx.now)}).`,
    );
  }
  return redirectTo(ctx.request, new URL(ctx.hrefs.environmentLogFile(environment.id, log, 'log.gz'), ctx.url).toString());
}
