/**
 * This run's median scores (the step's metrics) and the previous run's: the newest earlier
 * execution of the pipeline whose Experience Audit step finished with scores. Nothing is read
 * until the step has finished (a failed or cancelled audit has no scores to show) and offers its
 * metrics link.
 */
import { useEarlierAuditRuns, useStepsMetrics } from '../../../api/audit-history';
import { findLink, rel } from '../../../api/links';
import { useStepMetrics } from '../../../api/queries';
import type { StepState } from '../../../api/types';
import { useExecutionContext } from '../execution-context';
import { scoresFromMetrics } from '../../../domain/experience-audit';

export function useAuditComparison(step: StepState) {
  const context = useExecutionContext();
  const scored = step.status === 'FINISHED' && findLink(step, rel.metrics) !== undefined;
  const metrics = useStepMetrics(scored ? step : undefined);
  const history = useEarlierAuditRuns(context?.pipeline, scored ? context?.executionId : undefined);
  const previousRun = history.runs[0];
  const [previousMetrics] = useStepsMetrics(previousRun ? [previousRun.step] : []);
  const comparisonError = history.error ?? previousMetrics?.error ?? null;
  return {
    context,
    scored,
    scores: scoresFromMetrics(metrics.data?.metrics),
    /** Earlier runs with scores, newest first. */
    runs: history.runs,
    previousRun,
    previous: previousMetrics?.data ? scoresFromMetrics(previousMetrics.data.metrics) : undefined,
    /** Whether changes can be told: the history (and the previous run's scores) were read. */
    compared: context !== undefined && !comparisonError,
    isPending: metrics.isPending || history.isPending || previousMetrics?.isPending === true,
    error: metrics.error,
    retry: () => void metrics.refetch(),
    comparisonError,
    retryComparison: () => (history.error ? history.refetch() : void previousMetrics?.refetch()),
  };
}
