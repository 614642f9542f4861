/**
 * Every execution of a program, newest first, one page at a time. Each pipeline's history is read
 * through its `executions` link and deeper pages through each list's own `next` link (never a
 * built URL). The histories are merged by createdAt, and only as many pages are read as the shown
 * page needs. Polls every 5 s while something runs.
 */
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { findLink, rel } from '../../api/links';
import { isExecutionActive } from '../../api/polling';
import { executionListHref, executionListQueryOptions } from '../../api/queries';
import { queryKeys } from '../../api/query-keys';
import type { Execution, ExecutionList, Pipeline } from '../../api/types';
import { isPipelineRunning } from '../../components/pipeline-status';
import { parseApiTime } from '../../lib/format';

export const ACTIVITY_PAGE_SIZE = 20;

export interface ActivityItem {
  execution: Execution;
  pipeline: Pipeline;
}

export interface ProgramActivity {
  rows: ActivityItem[];
  isPending: boolean;
  error: Error | null;
  refetch: () => void;
  hasNext: boolean;
  /** Sum of the pipelines' `_totalNumberOfItems`, when every list gives one. */
  total: number | undefined;
}

const time = (execution: Execution) => parseApiTime(execution.createdAt)?.getTime() ?? 0;

function newestFirst(a: ActivityItem, b: ActivityItem): number {
  return time(b.execution) - time(a.execution) || b.execution.id.localeCompare(a.execution.id, undefined, { numeric: true });
}

/** @param page 0-based page of the merged list */
export function useProgramActivity(pipelines: Pipeline[] | undefined, page: number): ProgramActivity {
  const client = useQueryClient();
  const [depth, setDepth] = useState<Record<string, number>>({});
  const wanted = (page + 1) * ACTIVITY_PAGE_SIZE;
  const list = pipelines ?? [];
  const [recentActive, setRecentActive] = useState(false);
  const polling = list.some((p) => isPipelineRunning(p.status)) || recentActive;

  // Per pipeline: page 0 from its `executions` link, page i from page i-1's `next` link (as cached).
  const planned = new Set<string>();
  const plan = list.map((pipeline) => {
    const hrefs: string[] = [];
    const first = executionListHref(pipeline, ACTIVITY_PAGE_SIZE);
    // Two pipelines never share a history; if a server says otherwise, read it once.
    if (first && !planned.has(first)) hrefs.push(first);
    if (first) planned.add(first);
    while (hrefs.length > 0 && hrefs.length < (depth[pipeline.id] ?? 1)) {
      const previous = client.getQueryData<ExecutionList>(queryKeys.resource(hrefs[hrefs.length - 1]));
      const next = findLink(previous, rel.next)?.href;
      if (!next) break;
      hrefs.push(next);
    }
    return { pipeline, hrefs };
  });

  const results = useQueries({
    queries: plan.flatMap(({ hrefs }) => hrefs.map((href) => executionListQueryOptions(href, polling))),
  });

  // Gather what is loaded, per pipeline.
  let cursor = 0;
  let error: Error | null = null;
  let anyPending = false;
  let total: number | undefined = 0;
  const seen = new Set<string>();
  const merged: ActivityItem[] = [];
  const perPipeline = plan.map(({ pipeline, hrefs }) => {
    const pages = results.slice(cursor, cursor + hrefs.length);
    cursor += hrefs.length;
    let oldest: number | undefined;
    let pending = false;
    pages.forEach((r, i) => {
      error ??= r.error;
      if (r.isPending) pending = true;
      if (i === 0)
        total = total !== undefined && r.data?._totalNumberOfItems !== undefined ? total + r.data._totalNumberOfItems : undefined;
      for (const execution of r.data?._embedded?.executions ?? []) {
        const key = `${pipeline.id}/${execution.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        merged.push({ execution, pipeline });
        oldest = oldest === undefined ? time(execution) : Math.min(oldest, time(execution));
      }
    });
    if (pending) anyPending = true;
    const last = pages[pages.length - 1]?.data;
    const complete = hrefs.length === 0 || (last !== undefined && !findLink(last, rel.next));
    return { pipeline, pending, complete, oldest, loadedPages: hrefs.length };
  });
  merged.sort(newestFirst);

  // Which pipelines must read one more page so the first `wanted` merged items are exact.
  const boundary = merged.length >= wanted ? time(merged[wanted - 1].execution) : undefined;
  const needMore = perPipeline.filter(
    (p) => !p.pending && !p.complete && (boundary === undefined || p.oldest === undefined || p.oldest >= boundary),
  );
  const needKey = needMore.map((p) => `${p.pipeline.id}:${p.loadedPages + 1}`).join(',');

  useEffect(() => {
    if (!needKey) return;
    setDepth((current) => {
      const next = { ...current };
      for (const item of needKey.split(',')) {
        const [id, pages] = item.split(':');
        next[id] = Math.max(next[id] ?? 1, Number(pages));
      }
      return next;
    });
  }, [needKey]);

  const rows = merged.slice(page * ACTIVITY_PAGE_SIZE, wanted);
  const activeShown = rows.some((row) => isExecutionActive(row.execution));
  useEffect(() => setRecentActive(activeShown), [activeShown]);

  const settled = !anyPending && needMore.length === 0;
  return {
    rows,
    isPending: !settled && !error,
    error,
    refetch: () => results.forEach((r) => void r.refetch()),
    hasNext: merged.length > wanted || perPipeline.some((p) => !p.complete),
    total,
  };
}
