/**
 * A pipeline's earlier executions, for comparisons with the run on screen: experience audit
 * changes and trend, step durations against their average. Read through the pipeline's
 * `executions` link and the list's own `next` links; never polled (earlier runs have ended, and a
 * user action refreshes everything anyway).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getJson } from './client';
import { findLink, rel } from './links';
import { executionListHref } from './queries';
import { parseApiTime } from '../lib/format';
import { queryKeys } from './query-keys';
import type { Execution, ExecutionList, Pipeline } from './types';

/**
 * How many earlier executions every comparison looks at (step duration averages, experience
 * audit changes and trend): one list read serves them all.
 */
export const EARLIER_RUNS = 20;

/** List pages read at most while looking for the execution on screen. */
const MAX_PAGES = 10;

export interface EarlierExecutions {
  /** Executions older than the one on screen, newest first, at most EARLIER_RUNS. */
  executions: Execution[];
  isPending: boolean;
  error: Error | null;
  refetch: () => void;
}

/** The part of the history older than `executionId`, from the newest-first list pages. */
export function earlierThan(pages: ExecutionList[], executionId: string, count: number): { executions: Execution[]; found: boolean } {
  const all = pages.flatMap((page) => page._embedded?.executions ?? []);
  const index = all.findIndex((execution) => execution.id === executionId);
  if (index < 0) return { executions: [], found: false };
  return { executions: all.slice(index + 1, index + 1 + count), found: true };
}

/**
 * The pages of an execution list from `firstHref` on, through its `next` links, read one after
 * another until `enough` says they hold what is wanted, the list ends, or `maxPages` were read.
 */
function useExecutionListPages(options: {
  /** Its key, from the one key factory. */
  key: readonly unknown[];
  firstHref: string | undefined;
  enabled: boolean;
  maxPages: number;
  enough: (pages: ExecutionList[]) => boolean;
  /** Earlier runs' history never changes once read: kept (not refetched on focus). */
  keep?: boolean;
}) {
  const { key: queryKey, firstHref, enabled, maxPages, enough, keep = false } = options;
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => getJson<ExecutionList>(pageParam, signal),
    initialPageParam: firstHref as string,
    getNextPageParam: (last: ExecutionList) => findLink(last, rel.next)?.href,
    enabled: enabled && firstHref !== undefined,
    ...(keep ? { staleTime: Infinity, refetchOnWindowFocus: false } : {}),
  });
  const pages = query.data?.pages ?? [];
  const satisfied = enough(pages);
  const wantsMore = !satisfied && query.hasNextPage && !query.isFetchingNextPage && pages.length < maxPages;
  const { fetchNextPage, isSuccess } = query;
  useEffect(() => {
    if (wantsMore && isSuccess) void fetchNextPage();
  }, [wantsMore, isSuccess, fetchNextPage]);
  return {
    pages,
    /** More pages were wanted than `maxPages`. */
    truncated: !satisfied && query.hasNextPage && pages.length >= maxPages,
    isPending: query.isPending || (wantsMore && query.isSuccess) || query.isFetchingNextPage,
    error: query.error,
    refetch: () => void query.refetch(),
  };
}

/**
 * Up to EARLIER_RUNS executions of `pipeline` that ran before `executionId`, newest first. Pages
 * through the list (by its `next` links) until it has them or the list ends.
 */
export function useEarlierExecutions(pipeline: Pipeline | undefined, executionId: string | undefined): EarlierExecutions {
  const count = EARLIER_RUNS;
  const firstHref = executionListHref(pipeline, count + 1);
  const enough = (pages: ExecutionList[]) => {
    const { executions, found } = earlierThan(pages, executionId ?? '', count);
    return found && executions.length >= count;
  };
  const list = useExecutionListPages({
    // Keyed by the execution on screen too: a list read while an older run was shown may not
    // hold a newer one, and a run's history never changes once read.
    key: queryKeys.history(firstHref, executionId),
    firstHref,
    enabled: executionId !== undefined,
    maxPages: MAX_PAGES,
    enough,
    keep: true,
  });
  return {
    executions: earlierThan(list.pages, executionId ?? '', count).executions,
    isPending: list.isPending,
    error: list.error,
    refetch: list.refetch,
  };
}

/** Executions a report reads at most (the newest first): 20 pages of 50. */
export const REPORT_PAGE_SIZE = 50;
const REPORT_MAX_PAGES = 20;

export interface ExecutionsBack {
  /** The executions read, newest first: every one started at or after `since`, and perhaps some before. */
  executions: Execution[];
  /** True when the list went on past what was read (the report's limit was reached). */
  truncated: boolean;
  isPending: boolean;
  error: Error | null;
  refetch: () => void;
}

const executionsOf = (pages: ExecutionList[]) => pages.flatMap((page) => page._embedded?.executions ?? []);

/**
 * A pipeline's executions back to a time, newest first, through its `executions` link and the
 * list's `next` links: pages are read until one ends before `since` (ms, from the executions read
 * so far — a report's range may count back from the newest run), the list ends, or
 * REPORT_MAX_PAGES were read. Read when shown; not polled.
 */
export function useExecutionsBackTo(
  pipeline: Pipeline | undefined,
  sinceOf: (executions: Execution[]) => number | undefined,
): ExecutionsBack {
  const firstHref = executionListHref(pipeline, REPORT_PAGE_SIZE);
  const enough = (pages: ExecutionList[]) => {
    const executions = executionsOf(pages);
    const since = sinceOf(executions);
    const oldest = parseApiTime(executions[executions.length - 1]?.createdAt)?.getTime();
    return since === undefined || (oldest !== undefined && oldest < since);
  };
  const list = useExecutionListPages({
    key: queryKeys.reportExecutions(firstHref),
    firstHref,
    enabled: true,
    maxPages: REPORT_MAX_PAGES,
    enough,
  });
  return { ...list, executions: executionsOf(list.pages) };
}
