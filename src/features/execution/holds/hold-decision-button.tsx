import type { ReactNode } from 'react';
import type { CmAction } from '../../../api/actions';
import type { ApiError } from '../../../api/client';
import type { Execution } from '../../../api/types';
import type { StepActionSender } from '../../../api/use-step-action';
import { PermissionHelp, useActionDenial } from '../../../components/permission-help';
import { HoldConfirmButton } from './hold-confirm-button';

interface HoldDecisionButtonProps {
  /** The decision (src/api/actions.ts); no button at all when the API does not offer its link. */
  decision: CmAction;
  /** The step's `useStepAction`: one in flight at a time, none sent twice for the same state. */
  sender: StepActionSender;
  label: string;
  title: string;
  confirmLabel: string;
  destructive?: boolean;
  /** The toast after a success. */
  success: string;
  /** The toast when the API answers 409 (someone else decided first). */
  alreadyDecided?: string;
  /** Disabled for a reason of its own (e.g. a date in the past), besides another decision in flight. */
  isDisabled?: boolean;
  /** Called with the 201 body (a start or re-execute answers the new execution). */
  onDone?: (result: Execution | undefined) => void;
  onError?: (error: ApiError) => void;
  children: ReactNode;
}

/**
 * A step decision behind a confirmation: sends `decision` with `sender`, showing its own progress.
 * Disabled, with the reason beside it, when the signed-in user lacks the decision's permission.
 */
export function HoldDecisionButton({
  decision,
  sender,
  success,
  alreadyDecided,
  isDisabled,
  onDone,
  onError,
  children,
  ...button
}: HoldDecisionButtonProps) {
  const denial = useActionDenial(decision);
  if (!decision.link) return null;
  return (
    <>
      <HoldConfirmButton
        {...button}
        isDisabled={sender.isBusy || isDisabled || denial !== undefined}
        isPending={sender.pendingName === decision.name}
        onConfirm={() => sender.send({ ...decision, success, alreadyDecided }, onDone, onError)}
      >
        {children}
      </HoldConfirmButton>
      {denial ? <PermissionHelp label={button.label} explanation={denial} /> : null}
    </>
  );
}
