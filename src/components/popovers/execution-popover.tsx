/** The (i) button of a status column: opens the execution popover (§3 of the UI reference). */
import { ActionButton, DialogTrigger, Flex } from '@adobe/react-spectrum';
import InfoOutline from '@spectrum-icons/workflow/InfoOutline';
import type { Execution, Pipeline } from '../../api/types';
import { isPipelineRunning, PipelineStatus } from '../pipeline-status';
import { ExecutionSummary } from './execution-summary';

interface ExecutionPopoverProps {
  programId: string;
  pipeline: Pipeline;
  execution?: Execution;
}

export function ExecutionPopover({ programId, pipeline, execution }: ExecutionPopoverProps) {
  const label = execution ? `Details of execution ${execution.id}` : `Execution details of ${pipeline.name}`;
  return (
    <DialogTrigger type="popover" placement="bottom start">
      <ActionButton isQuiet aria-label={label}>
        <InfoOutline size="S" />
      </ActionButton>
      {(close) => <ExecutionSummary programId={programId} pipeline={pipeline} execution={execution} close={close} />}
    </DialogTrigger>
  );
}

/** A pipeline's status, with the (i) of its current or last execution once it has run (Pipelines card and page). */
export function PipelineStatusWithDetails({ programId, pipeline }: { programId: string; pipeline: Pipeline }) {
  return (
    <Flex alignItems="center" gap="size-50">
      <PipelineStatus status={pipeline.status} />
      {isPipelineRunning(pipeline.status) || pipeline.lastStartedAt ? <ExecutionPopover programId={programId} pipeline={pipeline} /> : null}
    </Flex>
  );
}
