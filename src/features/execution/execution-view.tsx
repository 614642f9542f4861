import { Flex, Text } from '@adobe/react-spectrum';
import { useMemo } from 'react';
import { findLink, rel } from '../../api/links';
import { useEnvironments } from '../../api/environments';
import type { Execution, Pipeline, Program } from '../../api/types';
import type { ConsoleLinks } from './holds/hold-approval';
import { groupSteps, type PhaseGroup } from '../../domain/phase-groups';
import { PhaseNav } from './timeline/phase-nav';
import { PhaseTimeline } from './timeline/phase-timeline';
import { isProductionPipeline } from '../../domain/pipeline-type';
import { stepTitle } from '../../domain/step-labels';
import { ExecutionContext } from './execution-context';
import { CancelExecutionButton } from './cancel-execution-button';
import { ExecutionCurlMenu } from './execution-curl-menu';
import { ExecutionHeader } from './execution-header';
import { ExecutionLayout } from './execution-layout';
import { ExecutionStatusBadge } from './execution-status-badge';

interface ExecutionViewProps {
  program: Program | undefined;
  pipeline: Pipeline;
  execution: Execution;
}

const groupId = (group: PhaseGroup) => `phase-group-${group.key}`;

/**
 * Author / publish URLs of the stage environment this pipeline deploys to (its stage DEPLOY phase),
 * for the approval step's CONSOLE LINKS; a pipeline that names none uses the program's stage.
 */
function useStageConsoleLinks(program: Program | undefined, pipeline: Pipeline): ConsoleLinks | undefined {
  const environments = useEnvironments(program).data?._embedded?.environments ?? [];
  const stageId = pipeline.phases?.find((phase) => phase.type === 'DEPLOY' && phase.environmentType === 'stage')?.environmentId;
  const stage =
    environments.find((environment) => stageId !== undefined && environment.id === stageId) ??
    environments.find((environment) => environment.type === 'stage');
  const author = findLink(stage, rel.author)?.href;
  const publish = findLink(stage, rel.publish)?.href;
  return useMemo(() => (author || publish ? { author, publish } : undefined), [author, publish]);
}

/**
 * Execution details: breadcrumbs + status badge, header, phase column and step timeline.
 * A RUNNING execution may have no current step (just after its last step): the badge alone says so.
 */
export function ExecutionView({ program, pipeline, execution }: ExecutionViewProps) {
  const steps = useMemo(() => execution._embedded?.stepStates ?? [], [execution._embedded?.stepStates]);
  const groups = useMemo(() => groupSteps(steps, isProductionPipeline(pipeline), pipeline), [steps, pipeline]);
  const buildStep = steps.find((step) => step.action === 'build');
  const consoleLinks = useStageConsoleLinks(program, pipeline);
  const context = useMemo(() => ({ pipeline, executionId: execution.id }), [pipeline, execution.id]);
  const current = steps.find((step) => step.status === 'WAITING') ?? steps.find((step) => step.status === 'RUNNING');
  return (
    <ExecutionLayout
      pipeline={pipeline}
      badge={<ExecutionStatusBadge status={execution.status} />}
      actions={
        <Flex gap="size-100" alignItems="center">
          <ExecutionCurlMenu execution={execution} />
          <CancelExecutionButton execution={execution} />
        </Flex>
      }
      header={<ExecutionHeader pipeline={pipeline} execution={execution} />}
      nav={<PhaseNav groups={groups} groupId={groupId} />}
    >
      <div aria-live="polite" className="execution-current-step">
        {current ? (
          <Text>
            {current.status === 'WAITING' ? 'Waiting for your decision: ' : 'Running: '}
            {stepTitle(current)}
          </Text>
        ) : null}
      </div>
      {steps.length === 0 ? <Text>This execution has no steps.</Text> : null}
      <ExecutionContext.Provider value={context}>
        <PhaseTimeline
          groups={groups}
          groupId={groupId}
          executionId={execution.id}
          artifactsVersion={execution.artifactsVersion}
          buildStep={buildStep}
          consoleLinks={consoleLinks}
        />
      </ExecutionContext.Provider>
    </ExecutionLayout>
  );
}
