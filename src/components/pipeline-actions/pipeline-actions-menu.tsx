/**
 * The row `...` menu of a pipeline (Pipelines card and Pipelines page; cm-ui.md §3): Run, Cancel
 * (only while running, after a confirmation), Edit and Delete (disabled, saying why, while it runs;
 * Delete after a confirmation naming it), View/Edit variables (read-only while it runs),
 * Invalidate build cache (after a confirmation), View last execution (only once it has run).
 * Every action follows a link the API offered; an item whose link is absent is not offered, so a
 * read-only console (src/api/actions.ts) offers View variables and View last execution only.
 */
import { ActionMenu, AlertDialog, ContextualHelpTrigger, DialogContainer, Item, Text, ToastQueue } from '@adobe/react-spectrum';
import Cancel from '@spectrum-icons/workflow/Cancel';
import Code from '@spectrum-icons/workflow/Code';
import DataRefresh from '@spectrum-icons/workflow/DataRefresh';
import Delete from '@spectrum-icons/workflow/Delete';
import Edit from '@spectrum-icons/workflow/Edit';
import Play from '@spectrum-icons/workflow/Play';
import Preview from '@spectrum-icons/workflow/Preview';
import Variable from '@spectrum-icons/workflow/Variable';
import type { ReactElement } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { actionsReadOnly, deletePipeline, invalidateCache, startPipeline, stopExecutionAt, updatePipeline } from '../../api/actions';
import { actionRequest } from '../../api/action-request';
import { findLink, rel } from '../../api/links';
import { useLinkAction } from '../../api/mutations';
import { executionListHref, executionQueryOptions, resourceQueryOptions } from '../../api/queries';
import type { ExecutionList, Pipeline } from '../../api/types';
import { paths } from '../../lib/paths';
import { ACTION_PERMISSIONS, type Permission } from '../../domain/permissions';
import { PermissionHelpDialog, usePermissionCheck } from '../permission-help';
import { isPipelineRunning } from '../pipeline-status';
import { VariablesDialog } from '../variables-editor/variables-dialog';
import { PipelineDialog } from './pipeline-dialog';
import { CopyCurlDialog } from '../copy-curl/copy-curl-dialog';

interface PipelineActionsMenuProps {
  programId: string;
  pipeline: Pipeline;
}

type MenuKey = 'run' | 'cancel' | 'edit' | 'delete' | 'variables' | 'cache' | 'view' | 'curl';
type OpenDialog = 'cancel' | 'edit' | 'delete' | 'variables' | 'cache' | 'curl';

/** Why Edit and Delete are disabled while the pipeline runs (shown under them in the menu). */
export const NOT_WHILE_RUNNING = 'Not available while the pipeline runs';

/** The permission each item takes (viewing takes none; variables are viewed by anyone, edited with variablesEdit). */
const PERMISSION_OF: Partial<Record<MenuKey, Permission>> = {
  run: ACTION_PERMISSIONS.start,
  cancel: ACTION_PERMISSIONS.cancel,
  edit: ACTION_PERMISSIONS.updatePipeline,
  delete: ACTION_PERMISSIONS.deletePipeline,
  cache: ACTION_PERMISSIONS.invalidateCache,
};

const ICONS: Record<MenuKey, ReactElement> = {
  run: <Play />,
  cancel: <Cancel />,
  edit: <Edit />,
  delete: <Delete />,
  variables: <Variable />,
  cache: <DataRefresh />,
  view: <Preview />,
  curl: <Code />,
};

export function PipelineActionsMenu({ programId, pipeline }: PipelineActionsMenuProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const action = useLinkAction();
  const [open, setOpen] = useState<OpenDialog | null>(null);
  const denial = usePermissionCheck(programId);
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
    setOpen(null);
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
    if (denial(PERMISSION_OF[key])) return;
    if (key === 'run') void run();
    else if (key === 'view') void viewLast();
    else setOpen(key);
  };

  const variablesLink = findLink(pipeline, rel.variables);
  const selfLink = findLink(pipeline, rel.self);
  const executionsLink = findLink(pipeline, rel.executions);
  const items: { key: MenuKey; label: string; description?: string }[] = [];
  if (startPipeline(pipeline).link) items.push({ key: 'run', label: 'Run' });
  // The step to cancel is found when Cancel is pressed: only read-only mode can say no before.
  if (running && !actionsReadOnly()) items.push({ key: 'cancel', label: 'Cancel' });
  if (updatePipeline(pipeline).link) items.push({ key: 'edit', label: 'Edit', description: running ? NOT_WHILE_RUNNING : undefined });
  if (deletePipeline(pipeline).link) items.push({ key: 'delete', label: 'Delete', description: running ? NOT_WHILE_RUNNING : undefined });
  const viewOnlyVariables = actionsReadOnly() || denial('variablesEdit') !== undefined;
  if (variablesLink) items.push({ key: 'variables', label: viewOnlyVariables ? 'View variables' : 'View/Edit variables' });
  if (invalidateCache(pipeline).link) items.push({ key: 'cache', label: 'Invalidate build cache' });
  if (hasRun) items.push({ key: 'view', label: 'View last execution' });
  // Copies requests; a read-only console (the proxy's --read-only) offers only its View items.
  if (!actionsReadOnly()) items.push({ key: 'curl', label: 'Copy as curl' });
  const disabledKeys: MenuKey[] = [];
  if (running || action.isPending) disabledKeys.push('run');
  if (running) disabledKeys.push('edit', 'delete');

  return (
    <>
      <ActionMenu
        aria-label={`Actions for ${pipeline.name}`}
        items={items}
        disabledKeys={disabledKeys}
        onAction={(key) => onAction(key as MenuKey)}
        isQuiet
      >
        {(item) => {
          const element = (
            <Item key={item.key} textValue={item.label}>
              {ICONS[item.key]}
              <Text>{item.label}</Text>
              {item.description ? <Text slot="description">{item.description}</Text> : null}
            </Item>
          );
          const denied = denial(PERMISSION_OF[item.key]);
          // Unavailable (Spectrum's pattern): still focusable, it opens why instead of acting.
          return denied ? (
            <ContextualHelpTrigger key={item.key} isUnavailable>
              {element}
              <PermissionHelpDialog explanation={denied} />
            </ContextualHelpTrigger>
          ) : (
            element
          );
        }}
      </ActionMenu>
      <DialogContainer onDismiss={() => setOpen(null)}>
        {open === 'cancel' ? (
          <AlertDialog
            title="Cancel execution"
            variant="destructive"
            primaryActionLabel="Cancel execution"
            cancelLabel="Keep running"
            onPrimaryAction={() => void cancel()}
          >
            {`Cancel the running execution of "${pipeline.name}"? Steps that already finished are not undone.`}
          </AlertDialog>
        ) : open === 'delete' ? (
          <AlertDialog
            title="Delete pipeline"
            variant="destructive"
            primaryActionLabel="Delete"
            cancelLabel="Cancel"
            onPrimaryAction={() => action.mutate({ ...deletePipeline(pipeline), success: `Pipeline "${pipeline.name}" deleted.` })}
          >
            {`Delete the pipeline "${pipeline.name}" and all its executions? This cannot be undone.`}
          </AlertDialog>
        ) : open === 'cache' ? (
          <AlertDialog
            title="Invalidate build cache"
            variant="confirmation"
            primaryActionLabel="Invalidate"
            cancelLabel="Cancel"
            onPrimaryAction={() =>
              action.mutate({
                ...invalidateCache(pipeline),
                success: `The build cache of "${pipeline.name}" was invalidated: its next build downloads every dependency again.`,
              })
            }
          >
            {`Invalidate the build cache of "${pipeline.name}"? Its next build starts without a cache and downloads every dependency again.`}
          </AlertDialog>
        ) : open === 'curl' ? (
          <CopyCurlDialog
            title={`Copy as curl: ${pipeline.name}`}
            items={[
              { label: 'Get this pipeline', request: selfLink ? { method: 'GET', href: selfLink.href } : undefined },
              { label: 'Get its executions', request: executionsLink ? { method: 'GET', href: executionsLink.href } : undefined },
              { label: 'Run', request: actionRequest(startPipeline(pipeline)) },
              { label: 'Delete', request: actionRequest(deletePipeline(pipeline)) },
              { label: 'Invalidate build cache', request: actionRequest(invalidateCache(pipeline)) },
            ]}
          />
        ) : open === 'edit' ? (
          <PipelineDialog programId={programId} pipeline={pipeline} />
        ) : open === 'variables' && variablesLink ? (
          <VariablesDialog
            href={variablesLink.href}
            title={`Variables of ${pipeline.name}`}
            readOnlyReason={running ? 'The pipeline is running: its variables can be changed once the run has ended.' : undefined}
          />
        ) : null}
      </DialogContainer>
    </>
  );
}
