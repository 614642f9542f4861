/** The console's one date and duration formatter. Times from the API are ISO-8601 (`+0000` offsets too). */

export function parseApiTime(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  // "2019-07-08T22:44:25.537+0000" → add the colon JavaScript's parser wants.
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const dateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
/** The status line's time: seconds and the zone as an offset ("GMT+1", "GMT-8", "GMT+5:30"), never an abbreviation ("PST"). */
function finishFormats(timeZone: string | undefined) {
  return {
    date: timeZone ? new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone }) : dateFormat,
    time: new Intl.DateTimeFormat('en-US', {
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'shortOffset',
      timeZone,
    }),
  };
}
const localFinishFormats = finishFormats(undefined);

/** "Mar 19, 2018 • 4:15 PM" as on Cloud Manager's cards and tables. */
export function formatDateTime(value: string | Date | undefined): string {
  const date = typeof value === 'string' ? parseApiTime(value) : value;
  if (!date) return '-';
  return `${dateFormat.format(date)} • ${timeFormat.format(date)}`;
}

/**
 * "Nov 23, 2026 11:53:06 PM GMT+1" as in a step's status line: the user's zone (or `timeZone`), written as an offset.
 */
export function formatFinishTime(value: string | Date | undefined, timeZone?: string): string {
  const date = typeof value === 'string' ? parseApiTime(value) : value;
  if (!date) return '';
  const formats = timeZone ? finishFormats(timeZone) : localFinishFormats;
  return `${formats.date.format(date)} ${formats.time.format(date)}`;
}

/** "1 hour 46 minutes", "4 minutes 13 seconds", "12 seconds". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '-';
  const totalSeconds = Math.round(ms / 1000);
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.floor((totalSeconds % 86400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days > 0) return [part(days, 'day'), hours ? part(hours, 'hour') : ''].filter(Boolean).join(' ');
  if (hours > 0) return [part(hours, 'hour'), minutes ? part(minutes, 'minute') : ''].filter(Boolean).join(' ');
  if (minutes > 0) return [part(minutes, 'minute'), seconds ? part(seconds, 'second') : ''].filter(Boolean).join(' ');
  return part(seconds, 'second');
}

/** Duration between two API times; a missing end means "until now". */
export function durationBetween(start: string | undefined, end: string | undefined, now: number = Date.now()): number | undefined {
  const from = parseApiTime(start);
  if (!from) return undefined;
  const to = parseApiTime(end)?.getTime() ?? now;
  return Math.max(0, to - from.getTime());
}
