/**
 * Environment logs (spec `getEnvironmentLogs`, `downloadLogs`): the environment's templated `logs`
 * link lists one download per day for a service and a log; a day's `logs/download` link answers
 * `{redirect}` to the day's `.log.gz`, which the console gunzips itself (the file is the gzip
 * bytes, with no `content-encoding`); today's entry also has a `logs/tail` link, the day's plain
 * text as it grows, read with `Range: bytes=N-` (206 = new bytes, 416 = nothing new).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, getJson, getText, request } from './client';
import { expandHref, findLink, rel } from './links';
import { pollInterval, POLL_INTERVAL_MS } from './polling';
import { resourceQueryOptions } from './queries';
import { queryKeys } from './query-keys';
import { byteLength } from './step-logs';
import type { Environment, EnvironmentLog, EnvironmentLogs, LogOption, Redirect } from './types';

/** How many days the console lists for a log (the API serves up to 14). */
export const LOG_DAYS = 7;

/** The environment's `logs` href for one service and log over the last `days` days (its template expanded). */
export function environmentLogsHref(environment: Environment | undefined, option: LogOption | undefined, days: number): string | undefined {
  const link = findLink(environment, rel.environmentLogs);
  if (!link || !option) return undefined;
  const values = { service: option.service, name: option.name, days };
  return link.templated ? expandHref(link.href, values) : link.href;
}

/** The days of one log, newest first (read when chosen; refreshed on focus, not polled). */
export function useEnvironmentLogs(href: string | undefined) {
  return useQuery(resourceQueryOptions<EnvironmentLogs>(href));
}

/** Today's entry of a log list: the newest day that offers a `logs/tail` link. */
export function todaysLog(list: EnvironmentLogs | undefined): EnvironmentLog | undefined {
  return list?._embedded?.downloads?.find((download) => findLink(download, rel.logsTail) !== undefined);
}

/** "author-aemerror-2026-11-30.log": the name a downloaded day's log is saved under. */
export function logFileName(log: Pick<EnvironmentLog, 'service' | 'name' | 'date'>): string {
  return `${log.service}-${log.name}-${log.date}.log`;
}

/**
 * A day's log as plain text: its `logs/download` link → `{redirect}` → the gzip bytes (storage,
 * possibly on another host: no credentials) → gunzipped in the browser (`DecompressionStream`).
 */
export async function downloadEnvironmentLog(log: EnvironmentLog, signal?: AbortSignal): Promise<Blob> {
  const link = findLink(log, rel.logsDownload);
  if (!link) throw new ApiError(0, 'Download not offered', `The API offers no download of the ${log.date} log.`, 'link');
  const { redirect } = await getJson<Redirect>(link.href, signal);
  const response = await request(redirect, { signal, anonymous: true });
  if (!response.body) throw new ApiError(response.status, 'Empty download', 'The log file had no content.', 'parse');
  try {
    const text = new Response(response.body.pipeThrough(new DecompressionStream('gzip')), {
      headers: { 'content-type': 'text/plain;charset=utf-8' },
    });
    return await text.blob();
  } catch (cause) {
    throw new ApiError(
      response.status,
      'Unreadable log file',
      `The file is not gzip-compressed: ${cause instanceof Error ? cause.message : String(cause)}`,
      'parse',
    );
  }
}

/** A log followed as it grows, possibly across days. */
export interface FollowedLog {
  /** Everything shown so far: each day's text, a marker line before each new day. */
  text: string;
  /** The day followed now, `YYYY-MM-DD`. */
  date: string;
  /** That day's `logs/tail` URL. */
  tail: string;
  /** Bytes of that day's file read so far: the next `Range` start. */
  bytes: number;
  /** Every day followed, oldest first. */
  days: string[];
}

/** The line shown where a new day's log starts (the console's own words, not the log's). */
export function newDayMarker(date: string): string {
  return `──────── ${date} (UTC): a new day, a new log file ────────`;
}

async function readToday(logsHref: string, signal: AbortSignal): Promise<{ date: string; tail: string }> {
  const today = todaysLog(await getJson<EnvironmentLogs>(logsHref, signal));
  const tail = findLink(today, rel.logsTail)?.href;
  if (!today || !tail) throw new ApiError(404, 'No log for today', 'The API lists no log being written today.', 'link');
  return { date: today.date, tail };
}

/**
 * Follow today's log of one service and log (`logsHref`: its `logs` href for one day). The first
 * read takes the day so far; each poll asks only for the bytes after those read (206 appends;
 * 416 = nothing new). A 416 is also when the day may have ended: the `logs` link is read again,
 * and when it lists a newer day, following goes on with that day's tail URL from its start
 * (keeping what was shown, with a marker line). A failed poll keeps everything read so far; the
 * next one resumes from the same offset. Polled by the one policy (it backs off while the API
 * fails; React Query pauses it in a hidden tab and refetches when the tab is shown again).
 */
export function logFollowQueryOptions(logsHref: string | undefined) {
  const queryKey = queryKeys.logFollow(logsHref);
  return queryOptions({
    queryKey,
    queryFn: async ({ signal, client }): Promise<FollowedLog> => {
      const href = logsHref as string;
      const previous = client.getQueryData<FollowedLog>(queryKey);
      if (!previous) {
        const { date, tail } = await readToday(href, signal);
        const text = (await getText(tail, 0, signal))?.text ?? '';
        return { text, date, tail, bytes: byteLength(text), days: [date] };
      }
      const answer = await getText(previous.tail, previous.bytes, signal);
      if (answer?.status === 206) {
        return { ...previous, text: previous.text + answer.text, bytes: previous.bytes + byteLength(answer.text) };
      }
      if (answer && byteLength(answer.text) > previous.bytes) {
        // The server ignored the Range (a 200 with the whole day): keep only what is new.
        const fresh = new TextEncoder().encode(answer.text).slice(previous.bytes);
        return { ...previous, text: previous.text + new TextDecoder().decode(fresh), bytes: byteLength(answer.text) };
      }
      // Nothing new: has the day ended? The logs link then lists a newer day with its own tail.
      const today = await readToday(href, signal);
      if (today.date <= previous.date) return previous;
      const text = (await getText(today.tail, 0, signal))?.text ?? '';
      const separator = previous.text === '' || previous.text.endsWith('\n') ? '' : '\n';
      return {
        text: `${previous.text}${separator}${newDayMarker(today.date)}\n${text}`,
        date: today.date,
        tail: today.tail,
        bytes: byteLength(text),
        days: [...previous.days, today.date],
      };
    },
    enabled: logsHref !== undefined,
    structuralSharing: false,
    // Nothing else reads this key: a new Follow starts afresh.
    gcTime: 0,
    refetchInterval: (query) => pollInterval(query.state, true, POLL_INTERVAL_MS),
  });
}

/** Follows a log while `logsHref` is set (Follow is on); see `logFollowQueryOptions`. */
export function useLogFollow(logsHref: string | undefined) {
  return useQuery(logFollowQueryOptions(logsHref));
}
