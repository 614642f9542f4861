/**
 * The row `...` menu of a pipeline (Pipelines card and Pipelines page; cm-ui.md §3): Run, Cancel
 * (only while running, after a confirmation), Edit and Delete (disabled, saying why, while it runs;
 * Delete after a confirmation naming it), View/Edit variables (read-only while it runs),
 * Invalidate build cache (after a confirmation), View last execution (only once it has run).
 * Every action follows a link the API offered; an item whose link is absent is not offered, so a
 * read-only console (src/api/actions.ts) offers View variables and View last execution only.
 */
import { ActionMenu, ContextualHelpTrigger, Item, Text, ToastQueue } from '@adobe/react-spectrum';
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
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { actionsReadOnly, deletePipeline, invalidateCache, startPipeline, updatePipeline } from '../../api/actions';
import { findLink, rel } from '../../api/links';
import { useLinkAction } from '../../api/mutations';
import { executionListHref, resourceQueryOptions } from '../../api/queries';
import type { ExecutionList, Pipeline } from '../../api/types';
import { paths } from '../../lib/paths';
import { ACTION_PERMISSIONS, type Permission } from '../../domain/permissions';
import { PermissionHelpDialog, usePermissionCheck } from '../permission-help';
import { isPipelineRunning } from '../pipeline-status';
import { fetchCurrentExecution, PipelineDialogHost, usePipelineDialogHost } from './pipeline-action-dialogs';

interface PipelineActionsMenuProps {
  programId: string;
  pipeline: Pipeline;
}

type MenuKey = 'run' | 'cancel' | 'edit' | 'delete' | 'variables' | 'cache' | 'view' | 'curl';

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

/**
 * The menu; its dialogs open in the nearest `PipelineDialogHost` (the list's), or in one of its own
 * where it stands alone.
 */
export function PipelineActionsMenu(props: PipelineActionsMenuProps) {
  if (usePipelineDialogHost()) return <PipelineMenu {...props} />;
  return (
    <PipelineDialogHost programId={props.programId} pipelines={[props.pipeline]}>
      <PipelineMenu {...props} />
    </PipelineDialogHost>
  );
}

function PipelineMenu({ programId, pipeline }: PipelineActionsMenuProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const action = useLinkAction();
  const openDialog = usePipelineDialogHost()!;
  const denial = usePermissionCheck(programId);
  const running = isPipelineRunning(pipeline.status);
  const hasRun = running || Boolean(pipeline.lastStartedAt);
  const executionLink = findLink(pipeline, rel.execution);

  const run = async () => {
    try {
      const execution = await action.mutateAsync({ ...startPipeline(pipeline), success: `Pipeline "${pipeline.name}" started.` });
      navigate(execution?.id ? paths.execution.href(programId, pipeline.id, execution.id) : paths.deploy.href(programId, pipeline.id));
    } catch {
      // useLinkAction already toasted the error.
    }
  };

  const viewLast = async () => {
    try {
      let executionId: string | undefined;
      if (running && executionLink) {
        executionId = (await fetchCurrentExecution(queryClient, pipeline)).id;
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
    else openDialog(pipeline.id, key);
  };

  const variablesLink = findLink(pipeline, rel.variables);
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
  );
}
