import { Button, Flex, Heading, Text } from '@adobe/react-spectrum';
import { useNavigate } from 'react-router';
import type { ApiError } from '../../api/client';
import { startPipeline } from '../../api/actions';
import type { Pipeline } from '../../api/types';
import { useStepAction } from '../../api/use-step-action';
import { PermissionHelp, useActionDenial } from '../../components/permission-help';
import { paths } from '../../lib/paths';
import './timeline/step-timeline.css';

interface StartPipelineItemProps {
  pipeline: Pipeline;
  /** The API answered 412: the pipeline is already running. */
  onConflict: () => void;
}

/**
 * "Start Pipeline" with its outlined Build button: PUT the pipeline's `execution` link; the 201
 * body is the new execution, which the console then opens. No button when the API does not offer
 * the start (or the console is read-only).
 */
export function StartPipelineItem({ pipeline, onConflict }: StartPipelineItemProps) {
  const action = useStepAction();
  const navigate = useNavigate();
  const start = startPipeline(pipeline);
  const denial = useActionDenial(start);
  const send = () =>
    action.send(
      { ...start, success: `${pipeline.name} started.` },
      (created) => {
        const programId = created?.programId ?? pipeline.programId;
        if (created?.id && programId) void navigate(paths.execution.href(programId, created.pipelineId ?? pipeline.id, created.id));
      },
      (error: ApiError) => {
        if (error.status === 412) onConflict();
      },
    );
  return (
    <ol className="step-timeline-list">
      <li className="step-item step-item--start">
        <span className="step-bullet" aria-hidden />
        <Flex direction="column" gap="size-100" UNSAFE_className="step-body">
          <Heading level={3} margin={0}>
            Start Pipeline
          </Heading>
          <Text UNSAFE_className="step-description">Build starts this pipeline with the latest commit of its branch.</Text>
          {start.link ? (
            <Flex gap="size-100" alignItems="center">
              <Button variant="primary" style="outline" onPress={send} isPending={action.isPending} isDisabled={denial !== undefined}>
                Build
              </Button>
              {denial ? <PermissionHelp label="Build" explanation={denial} /> : null}
            </Flex>
          ) : null}
        </Flex>
      </li>
    </ol>
  );
}
