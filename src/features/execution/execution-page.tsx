import { useParams } from 'react-router';
import { executionHref, usePipeline } from '../../api/queries';
import { QueryState } from '../../components/query-state';
import { ExecutionByHref } from './execution-by-href';

/** `/program/:programId/pipeline/:pipelineId/execution/:executionId`: one execution, through the pipeline's `execution/id` link. */
export default function ExecutionPage() {
  const { programId, pipelineId, executionId } = useParams();
  const { program, pipeline, error, isPending, hasData, refetch } = usePipeline(programId, pipelineId);
  return (
    <QueryState what="the pipeline" isPending={isPending} error={error} hasData={hasData} onRetry={() => void refetch()}>
      {pipeline ? (
        <ExecutionByHref key={executionId} href={executionHref(pipeline, executionId)} program={program} pipeline={pipeline} />
      ) : null}
    </QueryState>
  );
}
