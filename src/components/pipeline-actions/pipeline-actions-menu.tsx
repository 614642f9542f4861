/**
 * The row `...` menu of a pipeline (Pipelines card and Pipelines page): Run, Cancel (only while
 * running, after a confirmation), View last execution (only once it has run). Every action follows
 * a link the API offered.
 */
import { ActionMenu, AlertDialog, DialogContainer, Item, Text, ToastQueue } from '@adobe/react-spectrum';
import Cancel from '@spectrum-icons/workflow/Cancel';
import Play from '@spectrum-icons/workflow/Play';
import Preview from '@spectrum-icons/workflow/Preview';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { startPipeline, stopExecutionAt } from '../api/actions';
import { findLink, rel } from '../api/links';
import { useLinkAction } from '../api/mutations';
import { executionListHref, executionQueryOptions, resourceQueryOptions } from '../api/queries';
import type { ExecutionList, Pipeline } from '../api/types';
import { paths } from '../lib/paths';
import { isPipelineRunning } from './pipeline-status';

interface PipelineActionsMenuProps {
  programId: string;
  pipeline: Pipeline;
}

type MenuKey = 'run' | 'cancel' | 'view';

export function PipelineActionsMenu({ programId, pipeline }: PipelineActionsMenuProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const action = useLinkAction();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const running = isPipelineRunning(pipeline.status);
  const hasRun = running || Boolean(pipeline.lastStartedAt);
  const executionLink = findLink(pipeline, rel.execution);

  const currentExecution = () => {
    if (!executionLink) throw new ApiError(0, 'Action not available', 'The API offers no current execution for this pipeline.', 'link');
    return queryClient.fetchQuery({ ...executionQueryOptions(executionLink.href), staleTime: 0 });
  };

  const run = async () => {
    try {
      const execution = await action.mutateAsync({ ...startPipeline(pipeline), success: `Pipeline "${pipeline.name}" started.` });
      navigate(execution?.id ? paths.execution.href(programId, pipeline.id, execution.id) : paths.deploy.href(programId, pipeline.id));
    } catch {
      // useLinkAction already toasted the error.
    }
  };

  const cancel = async () => {
    setConfirmCancel(false);
    try {
      const execution = await currentExecution();
      const steps = execution._embedded?.stepStates ?? [];
      const step =
        steps.find((s) => (s.status === 'WAITING' || s.status === 'RUNNING') && findLink(s, rel.cancel)) ??
        steps.find((s) => findLink(s, rel.cancel));
      if (!step) throw new ApiError(0, 'Cannot cancel now', 'The current step cannot be cancelled at this point.', 'link');
      await action.mutateAsync({
        ...stopExecutionAt(step),
        success: `Cancelling the execution of "${pipeline.name}".`,
      });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'link') ToastQueue.negative(error.message, { timeout: 8000 });
    }
  };

  const viewLast = async () => {
    try {
      let executionId: string | undefined;
      if (running && executionLink) {
        executionId = (await currentExecution()).id;
      } else {
        const list = await queryClient.fetchQuery({ ...resourceQueryOptions<ExecutionList>(executionListHref(pipeline)), staleTime: 0 });
        executionId = list._embedded?.executions?.[0]?.id;
      }
      if (!executionId) throw new ApiError(0, 'No execution yet', 'This pipeline has not run yet.', 'link');
      navigate(paths.execution.href(programId, pipeline.id, executionId));
    } catch (error) {
      ToastQueue.negative(error instanceof Error ? error.message : String(error), { timeout: 8000 });
    }
  };

  const onAction = (key: MenuKey) => {
    if (key === 'run') void run();
    if (key === 'cancel') setConfirmCancel(true);
    if (key === 'view') void viewLast();
  };

  const items: { key: MenuKey; label: string }[] = [{ key: 'run', label: 'Run' }];
  if (running) items.push({ key: 'cancel', label: 'Cancel' });
  if (hasRun) items.push({ key: 'view', label: 'View last execution' });
  const disabledKeys: MenuKey[] = running || !executionLink || action.isPending ? ['run'] : [];

  return (
    <>
      <ActionMenu
        aria-label={`Actions for ${pipeline.name}`}
        items={items}
        disabledKeys={disabledKeys}
        onAction={(key) => onAction(key as MenuKey)}
        isQuiet
      >
        {(item) => (
          <Item key={item.key} textValue={item.label}>
            {item.key === 'run' ? <Play /> : item.key === 'cancel' ? <Cancel /> : <Preview />}
            <Text>{item.label}</Text>
          </Item>
        )}
      </ActionMenu>
      <DialogContainer onDismiss={() => setConfirmCancel(false)}>
        {confirmCancel && (
          <AlertDialog
            title="Cancel execution"
            variant="destructive"
            primaryActionLabel="Cancel execution"
            cancelLabel="Keep running"
            onPrimaryAction={() => void cancel()}
          >
            {`Cancel the running execution of "${pipeline.name}"? Steps that already finished are not undone.`}
          </AlertDialog>
        )}
      </DialogContainer>
    </>
  );
}
