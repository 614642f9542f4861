import { useMemo } from 'react';
import { useRepositories } from '../../api/queries';
import type { Pipeline, Program } from '../../api/types';
import { groupSteps, pendingStepsOf, type PhaseGroup } from '../../domain/phase-groups';
import { PhaseNav } from './timeline/phase-nav';
import { PhaseTimeline } from './timeline/phase-timeline';
import { isProductionPipeline } from '../../domain/pipeline-type';
import { ExecutionHeader } from './execution-header';
import { ExecutionLayout } from './execution-layout';
import { ExecutionStatusBadge } from './execution-status-badge';
import { StartPipelineItem } from './start-pipeline-item';
import { actionRequest } from '../../api/action-request';
import { startPipeline } from '../../api/actions';
import { CopyCurlMenu } from '../../components/copy-curl/copy-curl-menu';

const groupId = (group: PhaseGroup) => `phase-group-${group.key}`;

/** A pipeline with no current run: "Start Pipeline" + Build, and every step greyed in future tense. */
export function NotStartedView({
  program,
  pipeline,
  onConflict,
}: {
  program: Program | undefined;
  pipeline: Pipeline;
  onConflict: () => void;
}) {
  const repositories = useRepositories(program);
  const list = repositories.data?._embedded?.repositories;
  const groups = useMemo(() => {
    const name = (id: string | undefined) => list?.find((repository) => repository.id === id)?.repo;
    return groupSteps(pendingStepsOf(pipeline, name), isProductionPipeline(pipeline), pipeline);
  }, [pipeline, list]);
  return (
    <ExecutionLayout
      pipeline={pipeline}
      badge={<ExecutionStatusBadge status="NOT_STARTED" />}
      actions={
        <CopyCurlMenu
          about="start this pipeline"
          items={[{ label: 'Start the pipeline', request: actionRequest(startPipeline(pipeline)) }]}
        />
      }
      header={<ExecutionHeader pipeline={pipeline} />}
      nav={<PhaseNav groups={groups} groupId={groupId} />}
    >
      <PhaseTimeline groups={groups} groupId={groupId} leading={<StartPipelineItem pipeline={pipeline} onConflict={onConflict} />} />
    </ExecutionLayout>
  );
}
