import { AlertDialog, Button, DialogTrigger, Flex, Text } from '@adobe/react-spectrum';
import { cancelStep } from '../../api/actions';
import type { Execution } from '../../api/types';
import { useStepAction } from '../../api/use-step-action';
import { PermissionHelp, useActionDenial } from '../../components/permission-help';

/**
 * "Cancel" for a running execution: offered when a RUNNING step carries a `cancel` link (a held
 * step is cancelled through its own Reject / Stop Execution buttons instead).
 */
export function CancelExecutionButton({ execution }: { execution: Execution }) {
  const action = useStepAction(`${execution.id}:${execution.status}:${execution.updatedAt ?? ''}`);
  const running = execution._embedded?.stepStates?.find((step) => step.status === 'RUNNING' && cancelStep(step).link);
  const cancel = cancelStep(running);
  const denial = useActionDenial(cancel);
  if (!cancel.link) return null;
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
        onPrimaryAction={() => action.send({ ...cancel, success: 'The execution is being cancelled.' })}
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
