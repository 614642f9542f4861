/**
 * Environments and their variables, read through links: a program's environments (polled while one
 * of them applies a change of its variables), one environment by id, and a VariableList (polled
 * while one of its variables is `updating`). Their own module, so My Programs' first load does not
 * carry them.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from './client';
import { findLink, rel } from './links';
import { pollInterval, POLL_INTERVAL_MS } from './polling';
import { resourceQueryOptions, useProgram } from './queries';
import type { Environment, EnvironmentList, Program, VariableList } from './types';

/** An environment or a variable that is applying a change (`updating`), so its status will change by itself. */
export function isUpdating(item: { status?: string } | undefined): boolean {
  return item?.status === 'updating';
}

function anyUpdating(items: { status?: string }[] | undefined): boolean {
  return items?.some(isUpdating) ?? false;
}

/** A program's environments, polled while one of them applies a change of its variables (`updating`). */
export function environmentListQueryOptions(href: string | undefined) {
  return queryOptions({
    ...resourceQueryOptions<EnvironmentList>(href),
    refetchInterval: (query) => pollInterval(query.state, anyUpdating(query.state.data?._embedded?.environments), POLL_INTERVAL_MS),
  });
}

export function useEnvironments(program: Program | undefined) {
  return useQuery(environmentListQueryOptions(findLink(program, rel.environments)?.href));
}

/** An environment by id within a program, from the program's environments link. */
export function useEnvironment(programId: string | undefined, environmentId: string | undefined) {
  const { program, error, isPending, refetch } = useProgram(programId);
  const environments = useEnvironments(program);
  const environment: Environment | undefined = environments.data?._embedded?.environments?.find((e) => e.id === environmentId);
  const notFound =
    environments.isSuccess && !environment
      ? new ApiError(404, 'Environment not found', `There is no environment ${environmentId} in this program.`, 'http')
      : null;
  return {
    program,
    environment,
    error: error ?? environments.error ?? notFound,
    /** Data from an earlier read is at hand (a later poll failed). */
    hasData: environment !== undefined,
    isPending: !notFound && (isPending || environments.isPending),
    refetch: () => (error ? refetch() : environments.refetch()),
  };
}

/**
 * A VariableList (a pipeline's `variables` link, or an environment's): read when shown, and polled
 * while one of its variables applies a change (`updating`, environments only).
 */
export function variableListQueryOptions(href: string | undefined) {
  return queryOptions({
    ...resourceQueryOptions<VariableList>(href),
    staleTime: 0,
    refetchInterval: (query) => pollInterval(query.state, anyUpdating(query.state.data?._embedded?.variables), POLL_INTERVAL_MS),
  });
}

export function useVariables(href: string | undefined) {
  return useQuery(variableListQueryOptions(href));
}
