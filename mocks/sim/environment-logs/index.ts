/**
 * Environment logs (the spec's `logs` link): each environment offers, per service, the AEM error,
 * request and access logs, or a dispatcher's Apache access and error logs and dispatcher log, one
 * file per UTC day, for the last 14 days. A day's text is a pure function of its LogSource: the
 * everyday lines are drawn per simulated minute from a hash, and the events of the day (deployments
 * to the environment, changes of its variables) add theirs at the times they happened. The log
 * grows with simulated time: read up to any time, it is a prefix of itself read later.
 *
 * Nothing here is stored: the text is generated on demand, in chunks of an hour, so a caller can
 * yield between chunks (mocks/api does, and caches finished days).
 */
import { hashString, createRng } from '../content/rng';
import type { Simulation } from '../engine';
import { hasPreview, logOptionsOf, logServices } from '../environments';
import { DAY_MS, type Environment } from '../model';
import { backgroundLog } from './background';
import { LOG_DAYS, MINUTE_MS, dateOf, dayStart, minuteStamp, parseDate } from './clock';
import { eventLines, eventStart, logEvents } from './events';
import { siteOf } from './site';
import { aemServiceOf, type LogSource } from './source';
import { dailyCurve } from './background';

export { LOG_DAYS, dateOf, dayStart, parseDate } from './clock';
export type { LogEvent, LogSource } from './source';

/** Whether `environment` offers `service`'s `name` log. */
export function offersLog(environment: Environment, service: string, name: string): boolean {
  return logOptionsOf(environment).some((o) => o.service === service && o.name === name);
}

/** The services of `environment` (in Cloud Manager's order). */
export function servicesOf(environment: Environment): string[] {
  return logServices(hasPreview(environment)).map((s) => s.service);
}

/**
 * The days whose logs are served at `now`, newest first: today and the 13 days before it, none
 * before the environment existed (its program's creation).
 */
export function servedDays(sim: Simulation, environment: Environment, now: number, days = LOG_DAYS): string[] {
  const first = dayStart(sim.program(environment.programId).createdAt);
  const today = dayStart(now);
  const out: string[] = [];
  for (let i = 0; i < Math.min(days, LOG_DAYS); i += 1) {
    const day = today - i * DAY_MS;
    if (day < first) break;
    out.push(dateOf(day));
  }
  return out;
}

/** The short name of a program's site ("WKND Sites" → "wknd"). */
function siteName(programName: string): string {
  return (programName.split(/\s+/)[0] ?? 'site').toLowerCase().replace(/[^a-z0-9]/g, '') || 'site';
}

/** What the `date` day of `service`'s `name` log of `environment` is made of. */
export function logSource(sim: Simulation, environment: Environment, service: string, name: string, date: string): LogSource {
  const start = parseDate(date);
  if (start === undefined) throw new Error(`not a date: ${date}`);
  const aem = aemServiceOf(service);
  const host = new URL(
    aem === 'author'
      ? environment.authorUrl
      : aem === 'preview'
        ? (environment.previewUrl ?? environment.publishUrl)
        : environment.publishUrl,
  ).host;
  return {
    seed: sim.state.seed,
    programId: environment.programId,
    environmentId: environment.id,
    environmentType: environment.type,
    site: siteName(sim.program(environment.programId).name),
    service,
    name,
    date,
    dayStart: start,
    host,
    events: logEvents(sim, environment, service, name, start, start + DAY_MS),
  };
}

/** A key that changes whenever anything the source's text depends on changes. */
export function sourceKey(source: LogSource): string {
  const { events, ...rest } = source;
  return `${JSON.stringify(rest)}#${hashString(JSON.stringify(events)).toString(36)}`;
}

/** A key of what the text before `time` depends on (events that started later write nothing earlier). */
export function prefixKey(source: LogSource, time: number): string {
  return sourceKey({ ...source, events: source.events.filter((e) => eventStart(e) < time) });
}

/**
 * The text of the lines written in [from, to) on the source's day, one chunk per hour of the day
 * (a chunk may be empty). Joined, the chunks of [a, b) and [b, c) are the text of [a, c).
 */
export function* logText(source: LogSource, from: number, to: number): Generator<string> {
  const dayEnd = source.dayStart + DAY_MS;
  const start = Math.max(from, source.dayStart);
  const end = Math.min(to, dayEnd);
  if (start >= end) return;
  const site = siteOf(source);
  const background = backgroundLog(source, site);
  const events = eventLines(source, site);
  let e = 0;
  while (e < events.length && events[e].time < start) e += 1;
  let chunk = '';
  const firstMinute = Math.floor((start - source.dayStart) / MINUTE_MS);
  for (let minute = firstMinute; source.dayStart + minute * MINUTE_MS < end; minute += 1) {
    const minuteStart = source.dayStart + minute * MINUTE_MS;
    if (background) {
      for (const line of minuteLines(source, background, minute, minuteStart)) {
        const time = minuteStart + line.offset;
        if (time < start) continue;
        if (time >= end) break;
        while (e < events.length && events[e].time < time) chunk += `${events[e++].text}\n`;
        chunk += `${line.text}\n`;
      }
    }
    const minuteEnd = Math.min(minuteStart + MINUTE_MS, end);
    while (e < events.length && events[e].time < minuteEnd) chunk += `${events[e++].text}\n`;
    if (minute % 60 === 59) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The everyday lines of one minute of the day, in time order. */
function minuteLines(source: LogSource, background: NonNullable<ReturnType<typeof backgroundLog>>, minute: number, minuteStart: number) {
  const rng = createRng(hashString(`${source.seed}|${source.environmentId}|${source.service}|${source.name}|${source.date}|${minute}`));
  const expected = background.peakPerMinute * dailyCurve(minute) * (0.7 + 0.6 * rng.next());
  const count = Math.floor(expected) + (rng.next() < expected - Math.floor(expected) ? 1 : 0);
  if (count === 0) return [];
  const offsets: number[] = [];
  for (let i = 0; i < count; i += 1) offsets.push(Math.floor(rng.next() * MINUTE_MS));
  offsets.sort((a, b) => a - b);
  const stamp = minuteStamp(minuteStart);
  return offsets.map((offset, i) => ({ offset, text: background.line(rng, stamp, offset, minute * 100 + i + 1) }));
}
