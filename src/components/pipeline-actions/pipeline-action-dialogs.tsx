/**
 * The dialogs of the pipeline row menu (src/components/pipeline-actions/pipeline-actions-menu.tsx):
 * Cancel, Delete and Invalidate build cache confirmations, Edit, variables and Copy as curl.
 *
 * They are held by a `PipelineDialogHost` above the list, not by the row: a row of a virtualized
 * table is unmounted when it leaves the visible part (a narrower window, a phone turned upright, a
 * poll that reorders the rows), and a dialog it held would close and lose what the user typed.
 */
import { AlertDialog, DialogContainer, ToastQueue } from '@adobe/react-spectrum';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { deletePipeline, invalidateCache, startPipeline, stopExecution } from '../../api/actions';
import { actionRequest } from '../../api/action-request';
import { findLink, rel } from '../../api/links';
import { useLinkAction } from '../../api/mutations';
import { executionQueryOptions } from '../../api/queries';
import type { Execution, Pipeline } from '../../api/types';
import { isPipelineRunning } from '../pipeline-status';
import { VariablesDialog } from '../variables-editor/variables-dialog';
import { PipelineDialog } from './pipeline-dialog';
import { CopyCurlDialog } from '../copy-curl/copy-curl-dialog';

/** A dialog of the row menu. */
export type PipelineDialogKind = 'cancel' | 'edit' | 'delete' | 'variables' | 'cache' | 'curl';

/** Opens a dialog of the row menu for a pipeline (given by the nearest `PipelineDialogHost`). */
type OpenPipelineDialog = (pipelineId: string, kind: PipelineDialogKind) => void;

const HostContext = createContext<OpenPipelineDialog | undefined>(undefined);

/** The nearest host's way to open a dialog; undefined outside any host. */
export const usePipelineDialogHost = () => useContext(HostContext);

/** The pipeline's current execution, read now (not from the cache): its `execution` link. */
export function fetchCurrentExecution(queryClient: QueryClient, pipeline: Pipeline): Promise<Execution> {
  const executionLink = findLink(pipeline, rel.execution);
  if (!executionLink) throw new ApiError(0, 'Action not available', 'The API offers no current execution for this pipeline.', 'link');
  return queryClient.fetchQuery({ ...executionQueryOptions(executionLink.href), staleTime: 0 });
}

/**
 * Holds the row menus' dialogs of `pipelines` (the list as last read: a dialog shows its pipeline
 * as it is now, and closes when the pipeline is gone).
 */
export function PipelineDialogHost({ programId, pipelines, children }: { programId: string; pipelines: Pipeline[]; children: ReactNode }) {
  const [open, setOpen] = useState<{ pipelineId: string; kind: PipelineDialogKind } | null>(null);
  const pipeline = open ? pipelines.find((candidate) => candidate.id === open.pipelineId) : undefined;
  return (
    <HostContext.Provider value={(pipelineId, kind) => setOpen({ pipelineId, kind })}>
      {children}
      <PipelineActionDialogs
        programId={programId}
        pipeline={pipeline}
        open={pipeline ? open?.kind : undefined}
        onClose={() => setOpen(null)}
      />
    </HostContext.Provider>
  );
}

interface PipelineActionDialogsProps {
  programId: string;
  pipeline: Pipeline | undefined;
  open: PipelineDialogKind | undefined;
  onClose: () => void;
}

function PipelineActionDialogs({ programId, pipeline, open, onClose }: PipelineActionDialogsProps) {
  const queryClient = useQueryClient();
  const action = useLinkAction();
  if (!pipeline) return <DialogContainer onDismiss={onClose}>{null}</DialogContainer>;
  const running = isPipelineRunning(pipeline.status);
  const variablesLink = findLink(pipeline, rel.variables);
  const selfLink = findLink(pipeline, rel.self);
  const executionsLink = findLink(pipeline, rel.executions);

  const cancel = async () => {
    onClose();
    try {
      const stop = stopExecution(await fetchCurrentExecution(queryClient, pipeline));
      if (!stop.link) throw new ApiError(0, 'Cannot cancel now', 'The current step cannot be cancelled at this point.', 'link');
      await action.mutateAsync({ ...stop, success: `Cancelling the execution of "${pipeline.name}".` });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'link') ToastQueue.negative(error.message, { timeout: 8000 });
    }
  };

  return (
    <DialogContainer onDismiss={onClose}>
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
  );
}
