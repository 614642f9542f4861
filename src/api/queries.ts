/**
 * Query options for every resource the console reads. The href is the key: resources are
 * addressed only by the links the API gives, never by URLs the console builds.
 */
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, entryPointHref, getJson } from './client';
import { expandHref, findLink, rel } from './links';
import { isExecutionActive, LIST_POLL_MS, pollInterval, POLL_INTERVAL_MS } from './polling';
import { queryKeys } from './query-keys';
import type {
  EmbeddedProgram,
  Execution,
  ExecutionList,
  HalLink,
  Pipeline,
  PipelineList,
  Program,
  ProgramList,
  StepMetrics,
  StepState,
  ArtifactList,
  BranchList,
  Repository,
  RepositoryList,
} from './types';

/**
 * A resource read through a link: read once, and read again by itself while the read fails (with
 * the polling policy's backoff), so a page never stays on an error the API has recovered from.
 * A failed refresh can happen any time: a component that mounts refreshes what it reads. Polled
 * resources spread this and set their own pace.
 */
export function resourceQueryOptions<T>(href: string | undefined) {
  return queryOptions({
    queryKey: queryKeys.resource(href),
    queryFn: ({ signal }) => getJson<T>(href as string, signal),
    enabled: href !== undefined,
    refetchInterval: (query) => pollInterval(query.state, false, POLL_INTERVAL_MS),
  });
}

/** The program list (the entry point): read once, read again only to recover from a failure. */
export function programListQueryOptions() {
  return resourceQueryOptions<ProgramList>(entryPointHref());
}

/** An execution (with its step states), polled while it can still change. */
export function executionQueryOptions(href: string | undefined) {
  return queryOptions({
    ...resourceQueryOptions<Execution>(href),
    refetchInterval: (query) => pollInterval(query.state, isExecutionActive(query.state.data), POLL_INTERVAL_MS),
  });
}

/**
 * Pipeline list: polled slowly where pipeline status (running / not running) is shown (`live`);
 * read once where only the pipeline's links are needed (the execution and deploy pages, which
 * poll the execution itself).
 */
export function pipelineListQueryOptions(href: string | undefined, live = true) {
  return queryOptions({
    ...resourceQueryOptions<PipelineList>(href),
    refetchInterval: (query) => pollInterval(query.state, live, LIST_POLL_MS),
  });
}

export function useProgramList() {
  return useQuery(programListQueryOptions());
}

function findById<T extends { id: string }>(items: T[] | undefined, id: string | undefined): T | undefined {
  return items?.find((item) => item.id === id);
}

/** A program by id: found in the program list, then read through its self link. */
export function useProgram(programId: string | undefined) {
  const list = useProgramList();
  const embedded: EmbeddedProgram | undefined = findById(list.data?._embedded?.programs, programId);
  const program = useQuery(resourceQueryOptions<Program>(embedded ? findLink(embedded, rel.self)?.href : undefined));
  const notFound = list.isSuccess && !embedded ? new ApiError(404, 'Program not found', `There is no program ${programId}.`, 'http') : null;
  return {
    program: program.data,
    error: notFound ?? list.error ?? program.error,
    isPending: !notFound && (list.isPending || program.isPending),
    /** The program was read before: a failed refresh leaves it shown (QueryState's `hasData`). */
    hasData: !notFound && program.data !== undefined,
    refetch: () => (list.error ? list.refetch() : program.refetch()),
  };
}

/** @param live poll the list so pipeline status stays current (default); false reads it once */
export function usePipelines(program: Program | undefined, live = true) {
  return useQuery(pipelineListQueryOptions(findLink(program, rel.pipelines)?.href, live));
}

/** The program's repositories (through its `repositories` link), when it offers one. */
export function useRepositories(program: Program | undefined) {
  return useQuery(resourceQueryOptions<RepositoryList>(findLink(program, rel.repositories)?.href));
}

/** A repository's branches (through its `branches` link), when it offers one. */
export function useBranches(repository: Repository | undefined) {
  return useQuery(resourceQueryOptions<BranchList>(findLink(repository, rel.branches)?.href));
}

/** A pipeline by id within a program, from the program's pipelines link. */
export function usePipeline(programId: string | undefined, pipelineId: string | undefined) {
  const { program, error, isPending, hasData, refetch } = useProgram(programId);
  // Only the pipeline's links are needed here (its status is not shown): no polling.
  const pipelines = usePipelines(program, false);
  const pipeline: Pipeline | undefined = findById(pipelines.data?._embedded?.pipelines, pipelineId);
  const notFound =
    pipelines.isSuccess && !pipeline
      ? new ApiError(404, 'Pipeline not found', `There is no pipeline ${pipelineId} in this program.`, 'http')
      : null;
  return {
    program,
    pipeline,
    error: error ?? pipelines.error ?? notFound,
    isPending: !notFound && (isPending || pipelines.isPending),
    /** The program and pipeline were read before: a failed refresh leaves them shown (QueryState's `hasData`). */
    hasData: hasData && pipeline !== undefined,
    refetch: () => (error ? refetch() : pipelines.refetch()),
  };
}

/** An execution by id, through the pipeline's templated `execution/id` link. */
export function executionHref(pipeline: Pipeline | undefined, executionId: string | undefined): string | undefined {
  return executionHrefFrom(findLink(pipeline, rel.executionById), executionId);
}

/** An execution by id through an `execution/id` link (a pipeline's, or one remembered from it). */
export function executionHrefFrom(link: HalLink | undefined, executionId: string | undefined): string | undefined {
  if (!link || !executionId) return undefined;
  return link.templated ? expandHref(link.href, { executionId }) : link.href;
}

export function useExecution(href: string | undefined) {
  return useQuery(executionQueryOptions(href));
}

/**
 * The first page of a pipeline's executions (newest first) through its `executions` link; later
 * pages come from the list's own `next`/`prev` links or its templated `page` link.
 */
export function executionListHref(pipeline: Pipeline | undefined, limit = 20): string | undefined {
  const link = findLink(pipeline, rel.executions);
  if (!link) return undefined;
  return link.templated ? expandHref(link.href, { start: 0, limit }) : link.href;
}

/** A page of a pipeline's executions, polled while one of them may still change (`active`). */
export function executionListQueryOptions(href: string | undefined, active: boolean) {
  return queryOptions({
    ...resourceQueryOptions<ExecutionList>(href),
    refetchInterval: (query) => pollInterval(query.state, active, LIST_POLL_MS),
  });
}

export function useExecutionList(href: string | undefined, active: boolean) {
  return useQuery(executionListQueryOptions(href, active));
}

export function useStepMetrics(step: StepState | undefined) {
  return useQuery(resourceQueryOptions<StepMetrics>(findLink(step, rel.metrics)?.href));
}

export function useStepArtifacts(step: StepState | undefined) {
  return useQuery(resourceQueryOptions<ArtifactList>(findLink(step, rel.artifacts)?.href));
}

/** Refresh everything the console has read after an action changed the state. */
export function refreshAfterAction(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: queryKeys.all });
}
