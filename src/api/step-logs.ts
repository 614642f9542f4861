/**
 * Step logs: the step's `logs` link answers `{redirect}` (Accept: application/json); the redirect
 * is the text file. While the step runs the file is tailed with `Range: bytes=<length>-`
 * (206 appends, 416 = nothing new) at the polling policy's pace; once the step has finished it is read one last time.
 */
import { useEffect, useRef } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, getText, resolveHref } from './client';
import { pollInterval, POLL_INTERVAL_MS } from './polling';
import { queryKeys } from './query-keys';
import type { HalLink, Redirect } from './types';

/**
 * The logs href, with the one documented query parameter `file` (e.g. `sonarLogFile`) added when
 * asked. This is the only place the console adds anything to an href: the API documents `?file=`
 * on the logs link, and the link's own path is kept untouched.
 */
export function logsHref(link: HalLink | undefined, file?: string): string | undefined {
  if (!link) return undefined;
  if (!file) return link.href;
  const url = new URL(resolveHref(link.href));
  url.searchParams.set('file', file);
  return url.toString();
}

export interface LogText {
  text: string;
  /** Bytes read so far (the next Range start). */
  bytes: number;
}

/**
 * UTF-8 length of `text` without encoding it (a 15 MB log: a regex scan instead of a 15 MB copy).
 * Lone surrogates count as U+FFFD (3 bytes), as the encoder writes them.
 */
export function byteLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i += 1;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * The text of the log file at `target` (a logs redirect), tailed while the step runs: each poll
 * asks only for the bytes after those already read and appends them.
 * @param running true while the step can still write to its log
 */
export function logTextQueryOptions(target: string | undefined, running: boolean, enabled = true) {
  const queryKey = queryKeys.logText(target);
  return queryOptions({
    queryKey,
    queryFn: async ({ signal, client }): Promise<LogText> => {
      const previous = client.getQueryData<LogText>(queryKey);
      const from = previous?.bytes ?? 0;
      const answer = await getText(target as string, from, signal);
      if (!answer) return previous ?? { text: '', bytes: 0 };
      if (answer.status === 206 && previous) return { text: previous.text + answer.text, bytes: previous.bytes + byteLength(answer.text) };
      return { text: answer.text, bytes: byteLength(answer.text) };
    },
    enabled: enabled && target !== undefined,
    structuralSharing: false,
    refetchInterval: (query) => pollInterval(query.state, running, POLL_INTERVAL_MS),
  });
}

/**
 * The log text of a step, fetched only while `enabled` (the viewer is open).
 * @param running true while the step can still write to its log
 */
export function useStepLog(link: HalLink | undefined, options: { enabled: boolean; running: boolean; file?: string }) {
  const { enabled, running, file } = options;
  const href = logsHref(link, file);
  const redirect = useQuery({
    queryKey: queryKeys.logRedirect(href),
    queryFn: ({ signal }) => getJson<Redirect>(href as string, signal),
    enabled: enabled && href !== undefined,
    staleTime: Infinity,
  });
  const target = redirect.data?.redirect;
  const text = useQuery(logTextQueryOptions(target, running, enabled));

  // The step just finished: read the file one last time for its final lines.
  const wasRunning = useRef(running);
  const { refetch } = text;
  useEffect(() => {
    if (wasRunning.current && !running && enabled && target) void refetch();
    wasRunning.current = running;
  }, [running, enabled, target, refetch]);

  return {
    text: text.data?.text,
    error: redirect.error ?? text.error,
    isPending: enabled && (redirect.isPending || text.isPending),
    refetch: () => (redirect.error ? redirect.refetch() : text.refetch()),
  };
}

/** The whole log text (for a download): the redirect, then the file from byte 0. */
export async function fetchStepLogText(link: HalLink | undefined, file?: string): Promise<string> {
  const href = logsHref(link, file);
  if (!href) return '';
  const { redirect } = await getJson<Redirect>(href);
  const answer = await getText(redirect);
  return answer?.text ?? '';
}
