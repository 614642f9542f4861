import { useRef, useState } from 'react';
import type { ApiError } from './client';
import { useLinkAction, type LinkAction } from './mutations';
import type { Execution, StepState } from './types';

/** What a decision on `step` acts on: a new status, update or set of links is a new state. */
export function stepStateKey(step: StepState): string {
  return `${step.id}:${step.status}:${step.updatedAt ?? ''}:${Object.keys(step._links ?? {}).join(',')}`;
}

/**
 * `useLinkAction` guarded against a double send: while one action of this hook is in flight,
 * further `send` calls are ignored (React state updates too late to stop a quick double click),
 * and after a success `isBusy` stays true until `stateKey` changes (the refreshed step state
 * arrived), so the same decision cannot be sent twice. `pendingName` names the action in flight.
 * @param stateKey identifies the state the action acts on (e.g. the step's status + updatedAt)
 */
export function useStepAction(stateKey?: string) {
  const mutation = useLinkAction();
  const inFlight = useRef(false);
  const [sentFor, setSentFor] = useState<string | undefined>(undefined);
  const send = (action: LinkAction, onDone?: (result: Execution | undefined) => void, onError?: (error: ApiError) => void) => {
    if (inFlight.current || mutation.isPending || (stateKey !== undefined && sentFor === stateKey)) return;
    inFlight.current = true;
    // mutateAsync, not mutate's own callbacks: React Query drops those once the component that
    // sent the action is gone, and it can be gone before the answer arrives (a poll already showed
    // the run that Build started, so the Build button left the page; the new run never opened).
    mutation
      .mutateAsync(action)
      .then(
        (result) => {
          if (stateKey !== undefined) setSentFor(stateKey);
          onDone?.(result);
        },
        (error: ApiError) => onError?.(error),
      )
      .finally(() => {
        inFlight.current = false;
      });
  };
  const pendingName = mutation.isPending ? mutation.variables?.name : undefined;
  const isBusy = mutation.isPending || (stateKey !== undefined && sentFor === stateKey);
  return { send, isPending: mutation.isPending, isBusy, pendingName, error: mutation.error };
}

/** What `useStepAction` gives: `send` and the state of the action in flight. */
export type StepActionSender = ReturnType<typeof useStepAction>;
