/**
 * Sending the actions of src/api/actions.ts. Each goes to a link the API offered; the console
 * never decides on its own that an action is allowed. A pending action cannot be sent twice.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ToastQueue } from '@adobe/react-spectrum';
import { ApiError, sendToLink } from './client';
import { refreshAfterAction } from './queries';
import type { CmAction } from './actions';
import type { Execution } from './types';

/** An action (from src/api/actions.ts) with the words its toasts say. */
export interface LinkAction extends CmAction {
  /** What the toast says when the action succeeded. */
  success: string;
  /**
   * What the toast says when the API answers 409 (a decision someone else, or a timeout, already
   * made). The console then refreshes, so the current state replaces the stale buttons.
   */
  alreadyDecided?: string;
  /** The caller shows a failure in place (a dialog that keeps what the user typed): no toast then. */
  errorShownInPlace?: boolean;
}

/** The words of a failed action: a 409 on a decision is "already decided", not a failure. */
export function actionErrorMessage(error: ApiError, action: LinkAction): string {
  if (error instanceof ApiError && error.isAlreadyDecided && action.alreadyDecided) return action.alreadyDecided;
  return error.message;
}

/**
 * The one way to act on the API: send to the link, toast the result, refresh what it changed.
 * Returns the response body (for start and re-execute: the new execution; `T` names its type).
 */
export function useLinkAction<T = Execution>() {
  const client = useQueryClient();
  return useMutation<T | undefined, ApiError, LinkAction>({
    mutationFn: ({ link, method, body }) => sendToLink<T>(link, method ?? 'PUT', body),
    onSuccess: (_data, action) => {
      ToastQueue.positive(action.success, { timeout: 5000 });
    },
    onError: (error, action) => {
      if (action.errorShownInPlace) return;
      const message = actionErrorMessage(error, action);
      if (message === action.alreadyDecided) ToastQueue.info(message, { timeout: 10000 });
      else ToastQueue.negative(message, { timeout: 10000 });
    },
    onSettled: () => refreshAfterAction(client),
  });
}

/** How one action of a batch ended: sent, or refused (the error says why; 412 = the pipeline is busy). */
export interface ActionOutcome {
  action: CmAction;
  error?: ApiError;
}

/**
 * Several actions at once (Run selected): each sent in turn, whatever the others answered, then
 * one refresh. The caller reports the outcomes (which started, which were busy).
 */
export function useLinkActions() {
  const client = useQueryClient();
  return useMutation<ActionOutcome[], never, CmAction[]>({
    mutationFn: async (actions) => {
      const outcomes: ActionOutcome[] = [];
      for (const action of actions) {
        try {
          await sendToLink(action.link, action.method ?? 'PUT', action.body);
          outcomes.push({ action });
        } catch (error) {
          outcomes.push({ action, error: error instanceof ApiError ? error : new ApiError(0, 'Failed', String(error), 'network') });
        }
      }
      return outcomes;
    },
    onSettled: () => refreshAfterAction(client),
  });
}

/**
 * An action whose answer is a secret (a new git password): sent to its link like any other, but
 * its answer is not kept once the component that asked for it is gone (no cache time) and no toast
 * repeats it. Nothing else changes, so nothing is refreshed. A failure is shown by the caller.
 */
export function useSecretAction<T>() {
  return useMutation<T | undefined, ApiError, CmAction>({
    mutationFn: ({ link, method, body }) => sendToLink<T>(link, method ?? 'PUT', body),
    gcTime: 0,
  });
}
