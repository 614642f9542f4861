import { AlertDialog, Button, DialogTrigger, Flex, Text } from '@adobe/react-spectrum';
import { useQueryClient } from '@tanstack/react-query';
import { cancelStep, stopExecution } from '../../api/actions';
import { findLink } from '../../api/links';
import { executionQueryOptions } from '../../api/queries';
import type { Execution } from '../../api/types';
import { useStepAction } from '../../api/use-step-action';
import { PermissionHelp, useActionDenial } from '../../components/permission-help';

/** The step of `execution` that can be cancelled now: the running one that carries a `cancel` link. */
const runningStep = (execution: Execution) =>
  execution._embedded?.stepStates?.find((step) => step.status === 'RUNNING' && cancelStep(step).link);

/**
 * "Cancel" for a running execution: offered when a RUNNING step carries a `cancel` link (a held
 * step is cancelled through its own Reject / Stop Execution buttons instead).
 *
 * On confirmation the execution is read again first: the copy of the last poll can name a step
 * that has finished since, and the API refuses that step's `cancel` link. The execution is then
 * stopped at the step that is active now: the running one, or a hold that came up meanwhile
 * (rejected, as its own Reject / Stop Execution would).
 */
export function CancelExecutionButton({ execution }: { execution: Execution }) {
  const client = useQueryClient();
  const action = useStepAction(`${execution.id}:${execution.status}:${execution.updatedAt ?? ''}`);
  const cancel = cancelStep(runningStep(execution));
  const denial = useActionDenial(cancel);
  if (!cancel.link) return null;
  const cancelNow = async () => {
    const self = findLink(execution, 'self')?.href;
    const now = await client.fetchQuery({ ...executionQueryOptions(self), staleTime: 0 }).catch(() => execution);
    // Nothing to stop any more (the run ended meanwhile): the refusal says so and the page refreshes.
    action.send({ ...stopExecution(now), success: 'The execution is being cancelled.' });
  };
  const trigger = (
    <DialogTrigger>
      <Button variant="negative" style="outline" isPending={action.isPending} isDisabled={action.isBusy || denial !== undefined}>
        <Text>Cancel</Text>
      </Button>
      <AlertDialog
        title="Cancel this execution?"
        variant="destructive"
        primaryActionLabel="Cancel execution"
        cancelLabel="Keep running"
        onPrimaryAction={() => void cancelNow()}
      >
        The running step stops and the remaining steps do not run.
      </AlertDialog>
    </DialogTrigger>
  );
  if (!denial) return trigger;
  return (
    <Flex gap="size-100" alignItems="center">
      {trigger}
      <PermissionHelp label="Cancel" explanation={denial} />
    </Flex>
  );
}
