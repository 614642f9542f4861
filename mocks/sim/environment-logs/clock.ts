/**
 * Days and timestamps of environment logs. A log covers one UTC day; its lines carry the
 * timestamp formats of the AEM and Apache logs they imitate. Formatting is per minute (the prefix up
 * to the minute) plus the seconds and fractions of each line, so a day of lines needs only one Date
 * per minute.
 */
import { DAY_MS } from '../model';

/** Logs of this many days (today included) are served. */
export const LOG_DAYS = 14;

export const MINUTE_MS = 60_000;

/** UTC midnight of the day containing `ms`. */
export function dayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** `YYYY-MM-DD` (UTC) of `ms`. */
export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** UTC midnight of a `YYYY-MM-DD` date, or undefined when it is not a real date. */
export function parseDate(date: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  return Number.isNaN(ms) || dateOf(ms) !== date ? undefined : ms;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/** The parts of one minute's timestamps; each format adds the seconds (and fraction) of a line. */
export interface MinuteStamp {
  /** `30.11.2026 14:02` (AEM error log). */
  aem: string;
  /** `30/Nov/2026:14:02` (request, access and dispatcher logs). */
  clf: string;
  /** `Mon Nov 30 14:02` and ` 2026` (Apache error log). */
  httpd: string;
  year: number;
}

export function minuteStamp(minuteStartMs: number): MinuteStamp {
  const d = new Date(minuteStartMs);
  const day = pad2(d.getUTCDate());
  const hm = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  const year = d.getUTCFullYear();
  return {
    aem: `${day}.${pad2(d.getUTCMonth() + 1)}.${year} ${hm}`,
    clf: `${day}/${MONTHS[d.getUTCMonth()]}/${year}:${hm}`,
    httpd: `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${hm}`,
    year,
  };
}

/** `30.11.2026 14:02:11.123` */
export function aemTime(stamp: MinuteStamp, offsetMs: number): string {
  return `${stamp.aem}:${pad2(Math.floor(offsetMs / 1000))}.${pad3(offsetMs % 1000)}`;
}

/** `30/Nov/2026:14:02:11 +0000` */
export function clfTime(stamp: MinuteStamp, offsetMs: number): string {
  return `${stamp.clf}:${pad2(Math.floor(offsetMs / 1000))} +0000`;
}

/** `Mon Nov 30 14:02:11.123456 2026` (the microseconds are the line's milliseconds and three digits of `micros`). */
export function httpdTime(stamp: MinuteStamp, offsetMs: number, micros: number): string {
  return `${stamp.httpd}:${pad2(Math.floor(offsetMs / 1000))}.${pad3(offsetMs % 1000)}${pad3(micros % 1000)} ${stamp.year}`;
}
