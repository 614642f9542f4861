/**
 * Experience audit history of a pipeline: its earlier executions whose Experience Audit step
 * finished (and so has scores), and the scores — each step's metrics, read through its own
 * `pipeline/metrics` link with the same query key as `useStepMetrics`. Earlier runs have ended, so
 * their metrics are read once and kept.
 */
import { useQueries } from '@tanstack/react-query';
import { useEarlierExecutions } from './history';
import { findLink, rel } from './links';
import { resourceQueryOptions } from './queries';
import type { Execution, Pipeline, StepMetrics, StepState } from './types';

export interface AuditRun {
  execution: Execution;
  /** The execution's finished contentAudit step (it offers a metrics link). */
  step: StepState;
}

/** The execution's Experience Audit step, when it finished and offers its metrics. */
export function finishedAuditStep(execution: Execution): StepState | undefined {
  return execution._embedded?.stepStates?.find(
    (step) => step.action === 'contentAudit' && step.status === 'FINISHED' && findLink(step, rel.metrics) !== undefined,
  );
}

/** Earlier executions of `pipeline` (before `executionId`) that have audit scores, newest first. */
export function useEarlierAuditRuns(pipeline: Pipeline | undefined, executionId: string | undefined) {
  const history = useEarlierExecutions(pipeline, executionId);
  const runs: AuditRun[] = [];
  for (const execution of history.executions) {
    const step = finishedAuditStep(execution);
    if (step) runs.push({ execution, step });
  }
  // Without an executions link there is no history to wait for: every change is then N/A.
  const listed = findLink(pipeline, rel.executions) !== undefined;
  return { runs, isPending: listed && executionId !== undefined && history.isPending, error: history.error, refetch: history.refetch };
}

/** The metrics of each step (an ended step's metrics never change: read once). */
export function useStepsMetrics(steps: (StepState | undefined)[]) {
  return useQueries({
    queries: steps.map((step) => ({
      ...resourceQueryOptions<StepMetrics>(findLink(step, rel.metrics)?.href),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    })),
  });
}
