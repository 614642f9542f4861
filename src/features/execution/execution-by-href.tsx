import { ApiError } from '../../api/client';
import { useExecution } from '../../api/queries';
import type { Pipeline, Program } from '../../api/types';
import { QueryState } from '../../components/query-state';
import { ExecutionView } from './execution-view';

/** Loads the execution at `href` (polled while active) and shows it. */
export function ExecutionByHref({
  href,
  program,
  pipeline,
}: {
  href: string | undefined;
  program: Program | undefined;
  pipeline: Pipeline;
}) {
  const execution = useExecution(href);
  const missing = href === undefined ? new ApiError(0, 'Missing link', 'The API did not offer a link to this execution.', 'link') : null;
  return (
    <QueryState
      what="the execution"
      isPending={execution.isPending}
      error={missing ?? execution.error}
      onRetry={() => void execution.refetch()}
    >
      {execution.data ? <ExecutionView program={program} pipeline={pipeline} execution={execution.data} /> : null}
    </QueryState>
  );
}
