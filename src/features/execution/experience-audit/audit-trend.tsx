/**
 * The score trend over the pipeline's recent runs that have audit scores (this run and up to 20
 * earlier executions): a chart whose points open their run, and its table equivalent behind
 * "Show as table". Reads each earlier run's metrics (once; they never change).
 */
import { useStepsMetrics, type AuditRun } from '../../../api/audit-history';
import type { StepState } from '../../../api/types';
import { paths } from '../../../lib/paths';
import { QueryState } from '../../../components/query-state';
import { scoresFromMetrics, type Scores } from '../../../domain/experience-audit';
import { ScoreTrend } from '../../../components/experience-audit/score-trend';
import { trendPoints, type TrendPoint } from '../../../components/experience-audit/trend-points';

interface AuditTrendProps {
  step: StepState;
  scores: Scores;
  /** Earlier runs with audit scores, newest first. */
  runs: AuditRun[];
  programId: string;
  pipelineId: string;
}

export function AuditTrend({ step, scores, runs, programId, pipelineId }: AuditTrendProps) {
  const metrics = useStepsMetrics(runs.map((run) => run.step));
  const route = (executionId: string) => paths.execution.href(programId, pipelineId, executionId);
  const executionId = step.executionId ?? '';
  const newestFirst: TrendPoint[] = [
    { executionId, route: route(executionId), at: step.finishedAt, scores, current: true },
    ...runs.map((run, index) => ({
      executionId: run.execution.id,
      route: route(run.execution.id),
      at: run.step.finishedAt,
      scores: scoresFromMetrics(metrics[index]?.data?.metrics),
      current: false,
    })),
  ];
  const points = trendPoints(newestFirst);
  const failed = metrics.find((query) => query.error);
  return (
    <QueryState
      what="earlier audit scores"
      isPending={metrics.some((query) => query.isPending)}
      error={failed?.error}
      onRetry={() => void failed?.refetch()}
    >
      <ScoreTrend
        points={points}
        description={`Median scores of the last ${points.length} ${points.length === 1 ? 'run' : 'runs'} with an experience audit, oldest first. Select a run to open it.`}
        tableCaption="Median scores by run, oldest first"
      />
    </QueryState>
  );
}
