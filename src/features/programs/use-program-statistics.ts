/**
 * My Programs' 90-day statistics, from what the console can read by following links: each
 * program's `pipelines` link, then each pipeline's first page of executions (its `executions`
 * link, the `STATISTICS_RUNS` newest). Counted over the executions that started in the last 90 days:
 * - deployments: production deployment steps that completed;
 * - code quality issues: Code Scanning steps that failed or held for a decision;
 * - builds: build steps that ran.
 * Reads at most `MAX_STATISTICS_PROGRAMS` programs (the most recently created), so a large
 * organisation pays a bounded, small number of requests, and only when the card asks.
 */
import { useQueries } from '@tanstack/react-query';
import { findLink, rel } from '../../api/links';
import { executionListHref, executionListQueryOptions, pipelineListQueryOptions, resourceQueryOptions } from '../../api/queries';
import type { EmbeddedProgram, Execution, Program } from '../../api/types';
import { parseApiTime } from '../../lib/format';

export const MAX_STATISTICS_PROGRAMS = 10;
/** Executions read per pipeline: the first page of its `executions` link, one request each. */
export const STATISTICS_RUNS = 20;
const DAYS_90 = 90 * 24 * 3600_000;

export interface ProgramStatistics {
  deployments: number;
  qualityIssues: number;
  builds: number;
  /** Executions read in all (0 = a new organisation: the welcome is shown instead). */
  executions: number;
  /** How many programs were read, and whether that is all of them. */
  programs: number;
  complete: boolean;
  isPending: boolean;
  error: Error | null;
}

const started = (status: string | undefined) => status !== undefined && status !== 'NOT_STARTED';

/** The counts over `executions`, those created within 90 days before `now`. */
export function countStatistics(executions: Execution[], now: number) {
  const recent = executions.filter((execution) => (parseApiTime(execution.createdAt)?.getTime() ?? 0) >= now - DAYS_90);
  const steps = recent.flatMap((execution) => execution._embedded?.stepStates ?? []);
  return {
    deployments: steps.filter((step) => step.action === 'deploy' && step.environmentType === 'prod' && step.status === 'FINISHED').length,
    qualityIssues: steps.filter((step) => step.action === 'codeQuality' && (step.status === 'FAILED' || step.status === 'WAITING')).length,
    builds: steps.filter((step) => step.action === 'build' && started(step.status)).length,
  };
}

export function useProgramStatistics(programs: EmbeddedProgram[], enabled: boolean): ProgramStatistics {
  const newest = [...programs]
    .sort((a, b) => (parseApiTime(b.createdAt)?.getTime() ?? 0) - (parseApiTime(a.createdAt)?.getTime() ?? 0))
    .slice(0, MAX_STATISTICS_PROGRAMS);
  const details = useQueries({
    queries: newest.map((program) => resourceQueryOptions<Program>(enabled ? findLink(program, rel.self)?.href : undefined)),
  });
  const pipelineLists = useQueries({
    queries: details.map((detail) => pipelineListQueryOptions(findLink(detail.data, rel.pipelines)?.href, false)),
  });
  const pipelines = pipelineLists.flatMap((list) => list.data?._embedded?.pipelines ?? []);
  const histories = useQueries({
    queries: pipelines.map((pipeline) => executionListQueryOptions(executionListHref(pipeline, STATISTICS_RUNS), false)),
  });
  const executions = histories.flatMap((history) => history.data?._embedded?.executions ?? []);
  // The simulated clock may run ahead of the wall clock: 90 days before the newer of the two.
  const now = Math.max(Date.now(), ...executions.map((execution) => parseApiTime(execution.createdAt)?.getTime() ?? 0));
  const all = [...details, ...pipelineLists, ...histories];
  return {
    ...countStatistics(executions, now),
    executions: executions.length,
    programs: newest.length,
    complete: programs.length <= MAX_STATISTICS_PROGRAMS,
    isPending: enabled && all.some((query) => query.isLoading),
    error: all.find((query) => query.error)?.error ?? null,
  };
}
