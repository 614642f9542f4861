/**
 * The content of the execution popover: "Pipeline Execution #id", start time, pipeline id, one row
 * per group ("3/4 · Deploy to Stage" + status word), and View details.
 */
import { Button, Content, Dialog, Divider, Heading, ProgressCircle, Text } from '@adobe/react-spectrum';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { findLink, rel } from '../../api/links';
import { executionListHref, executionQueryOptions, resourceQueryOptions } from '../../api/queries';
import type { Execution, ExecutionList, Pipeline } from '../../api/types';
import { paths } from '../../lib/paths';
import { formatDateTime } from '../../lib/format';
import { ExecutionStatus } from '../execution-status';
import { groupSteps, phaseGroupState, type PhaseGroupState } from '../../domain/phase-groups';
import { isPipelineRunning } from '../pipeline-status';
import { isProductionPipeline } from '../../domain/pipeline-type';
import { stepTitle } from '../../domain/step-labels';

const GROUP_WORDS: Record<PhaseGroupState, string> = {
  Done: 'Finished',
  Failed: 'Failed',
  Cancelled: 'Cancelled',
  Waiting: 'Waiting',
  Running: 'Running',
  Pending: 'Not started',
};

interface ExecutionSummaryProps {
  programId: string;
  pipeline: Pipeline;
  /** The execution to describe; when absent, the pipeline's current (running) or newest execution. */
  execution?: Execution;
  close: () => void;
}

export function ExecutionSummary({ programId, pipeline, execution, close }: ExecutionSummaryProps) {
  const navigate = useNavigate();
  const running = isPipelineRunning(pipeline.status);
  const current = useQuery(executionQueryOptions(!execution && running ? findLink(pipeline, rel.execution)?.href : undefined));
  const history = useQuery(resourceQueryOptions<ExecutionList>(!execution && !running ? executionListHref(pipeline) : undefined));
  const shown = execution ?? current.data ?? history.data?._embedded?.executions?.[0];
  const error = current.error ?? history.error;
  const steps = shown?._embedded?.stepStates ?? [];
  const groups = groupSteps(steps, isProductionPipeline(pipeline), pipeline);

  return (
    <Dialog size="S">
      <Heading>{shown ? `Pipeline Execution #${shown.id}` : 'Pipeline Execution'}</Heading>
      <Divider />
      <Content>
        {error ? (
          <Text>Could not load the execution: {error.message}</Text>
        ) : !shown ? (
          <ProgressCircle aria-label="Loading the execution…" isIndeterminate size="S" />
        ) : (
          <>
            <p>
              Start time: {formatDateTime(shown.createdAt)}
              <br />
              Pipeline ID: #{pipeline.id}
            </p>
            <ExecutionStatus status={shown.status} context="list" />
            {groups.length > 0 ? (
              <table className="card-table">
                <thead>
                  <tr>
                    <th scope="col">STAGES</th>
                    <th scope="col">STEP</th>
                    <th scope="col">STATUS</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((group) => {
                    const done = group.steps.filter((s) => s.status === 'FINISHED' || s.status === 'INCOMPLETE').length;
                    const currentStep =
                      group.steps.find((s) => s.status === 'RUNNING' || s.status === 'WAITING') ??
                      group.steps[Math.min(done, group.steps.length - 1)];
                    const state = phaseGroupState(group);
                    return (
                      <tr key={group.key}>
                        <th scope="row">{group.title}</th>
                        <td>
                          {done}/{group.steps.length}
                          {currentStep ? ` · ${stepTitle(currentStep)}` : ''}
                        </td>
                        <td>
                          <span className="status">
                            <span
                              className={`status-dot status-dot--${state === 'Done' ? 'positive' : state === 'Failed' || state === 'Cancelled' ? 'negative' : state === 'Pending' ? 'neutral' : 'info'}`}
                              aria-hidden
                            />{' '}
                            <span className="status-word">{GROUP_WORDS[state]}</span>
                          </span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : null}
          </>
        )}
      </Content>
      {shown ? (
        <Content>
          <Button
            variant="primary"
            marginTop="size-200"
            onPress={() => {
              close();
              navigate(paths.execution.href(programId, pipeline.id, shown.id));
            }}
          >
            View details
          </Button>
        </Content>
      ) : null}
    </Dialog>
  );
}
