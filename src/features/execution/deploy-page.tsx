import { Content, Heading, InlineAlert, Link } from '@adobe/react-spectrum';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useCurrentExecution } from '../../api/current-execution';
import { findLink, rel } from '../../api/links';
import { usePipeline } from '../../api/queries';
import { paths } from '../../lib/paths';
import { QueryState } from '../../components/query-state';
import { ExecutionByHref } from './execution-by-href';
import { NotStartedView } from './not-started-view';

/**
 * `/program/:programId/pipeline/:pipelineId`: the pipeline's current execution (its `execution`
 * link; 404 = idle, not an error), else the "Not started" state with Build. Once a current
 * execution was seen, the page keeps showing it (through its own `self` link) after it ends.
 */
export default function DeployPage() {
  const { programId, pipelineId } = useParams();
  const { program, pipeline, error, isPending, hasData, refetch } = usePipeline(programId, pipelineId);
  const current = useCurrentExecution(pipeline);
  const currentSelf = current.data ? findLink(current.data, rel.self)?.href : undefined;
  const [shown, setShown] = useState<string | undefined>(undefined);
  const [conflict, setConflict] = useState(false);
  if (currentSelf && currentSelf !== shown) setShown(currentSelf);
  const href = currentSelf ?? shown;

  return (
    <QueryState
      what="the pipeline"
      isPending={isPending || (pipeline !== undefined && current.isPending)}
      error={error ?? current.error}
      hasData={hasData && current.data !== undefined}
      onRetry={() => void (error ? refetch() : current.refetch())}
    >
      {conflict ? (
        <InlineAlert variant="notice" margin="size-200">
          <Heading>This pipeline is already running</Heading>
          <Content>
            {current.data && programId && pipelineId ? (
              <Link href={paths.execution.href(programId, pipelineId, current.data.id)}>View the current execution {current.data.id}</Link>
            ) : (
              'Another execution of this pipeline started first.'
            )}
          </Content>
        </InlineAlert>
      ) : null}
      {pipeline && href ? <ExecutionByHref href={href} program={program} pipeline={pipeline} /> : null}
      {pipeline && !href && current.data === null ? (
        <NotStartedView program={program} pipeline={pipeline} onConflict={() => setConflict(true)} />
      ) : null}
    </QueryState>
  );
}
