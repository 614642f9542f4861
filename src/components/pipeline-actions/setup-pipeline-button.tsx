/**
 * "Setup Pipeline" (the Overview's "From code to production"): opens Add Production Pipeline.
 * Absent when the API offers no way to add a pipeline (no createPipeline link on the PipelineList)
 * or the console is read-only.
 */
import { Button, DialogContainer } from '@adobe/react-spectrum';
import { useState } from 'react';
import { createPipeline } from '../../api/actions';
import type { PipelineList } from '../../api/types';
import { PipelineDialog } from './pipeline-dialog';

export function SetupPipelineButton({ programId, pipelineList }: { programId: string; pipelineList: PipelineList | undefined }) {
  const [open, setOpen] = useState(false);
  if (!createPipeline(pipelineList).link) return null;
  return (
    <>
      <Button variant="accent" onPress={() => setOpen(true)}>
        Setup Pipeline
      </Button>
      <DialogContainer onDismiss={() => setOpen(false)}>
        {open ? <PipelineDialog programId={programId} kind="production" /> : null}
      </DialogContainer>
    </>
  );
}
