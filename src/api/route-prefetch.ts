/**
 * Data in parallel with code (issue #17): a screen's reads start while its route chunk loads (the
 * routes' loaders call `prefetchRoute`), and the reads the console followed before start at once
 * (href-cache.ts) instead of one after another. Everything lands in the React Query cache under the
 * keys the screens use (query-keys.ts through queries.ts), so a screen that mounts finds its data
 * there or in flight: no extra request, no polling (a prefetch has no observer).
 */
import type { QueryClient } from '@tanstack/react-query';
import { findLink, rel } from './links';
import { forgetLink, hrefNames, recallLink, rememberLink } from './href-cache';
import {
  executionHref,
  executionHrefFrom,
  executionQueryOptions,
  pipelineListQueryOptions,
  programListQueryOptions,
  resourceQueryOptions,
} from './queries';
import type { PipelineList, Program } from './types';

export interface RouteIds {
  programId?: string;
  pipelineId?: string;
  executionId?: string;
}

/** Reads `options` into the cache unless it holds them; a remembered href that fails is forgotten. */
function ensure<T>(client: QueryClient, options: ReturnType<typeof resourceQueryOptions<T>>, remembered?: string): Promise<T | undefined> {
  const href = options.queryKey[1];
  if (href === 'none') return Promise.resolve(undefined);
  return client.ensureQueryData(options).then(
    (data) => data as T,
    () => {
      if (remembered) forgetLink(remembered, href);
      return undefined;
    },
  );
}

/**
 * Starts the reads of a screen at `ids` and resolves when they are done (errors are left to the
 * screen, which reads the same keys): the program list, the program, with `pipelines` (or a
 * pipeline id) its pipelines, and with an execution id that execution.
 */
export async function prefetchRoute(client: QueryClient, ids: RouteIds, { pipelines = false } = {}): Promise<void> {
  const list = ensure(client, programListQueryOptions());
  const { programId, pipelineId, executionId } = ids;
  if (!programId) return void (await list);
  const wantPipelines = pipelines || pipelineId !== undefined;

  // What was followed before, all at once.
  const names = {
    program: hrefNames.program(programId),
    pipelines: hrefNames.pipelines(programId),
    execution: pipelineId ? hrefNames.executionById(programId, pipelineId) : undefined,
  };
  const early: Array<Promise<unknown>> = [];
  const program = recallLink(names.program);
  if (program) early.push(ensure<Program>(client, resourceQueryOptions<Program>(program.href), names.program));
  const pipelineList = wantPipelines ? recallLink(names.pipelines) : undefined;
  if (pipelineList) early.push(ensure<PipelineList>(client, pipelineListQueryOptions(pipelineList.href), names.pipelines));
  const executionLink = names.execution ? recallLink(names.execution) : undefined;
  if (executionLink && executionId && names.execution) {
    early.push(ensure(client, executionQueryOptions(executionHrefFrom(executionLink, executionId)), names.execution));
  }

  // The walk through the links, which also refreshes what is remembered.
  const embedded = (await list)?._embedded?.programs?.find((p) => p.id === programId);
  const selfLink = findLink(embedded, rel.self);
  rememberLink(names.program, selfLink);
  const read = await ensure<Program>(client, resourceQueryOptions<Program>(selfLink?.href));
  const pipelinesLink = findLink(read, rel.pipelines);
  rememberLink(names.pipelines, pipelinesLink);
  if (wantPipelines) {
    const found = await ensure<PipelineList>(client, pipelineListQueryOptions(pipelinesLink?.href));
    const pipeline = found?._embedded?.pipelines?.find((p) => p.id === pipelineId);
    if (pipeline && names.execution) {
      rememberLink(names.execution, findLink(pipeline, rel.executionById));
      if (executionId) await ensure(client, executionQueryOptions(executionHref(pipeline, executionId)));
    }
  }
  await Promise.all(early);
}
