/**
 * Actions on executions. Each goes to a link the API offered; the console never decides on its
 * own that an action is allowed. A pending action cannot be sent twice.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ToastQueue } from '@adobe/react-spectrum';
import { putLink, type ApiError } from './client';
import { refreshAfterAction } from './queries';
import type { Execution, HalLink } from './types';

export interface LinkAction {
  link: HalLink | undefined;
  body?: unknown;
  /** What the toast says when the action succeeded. */
  success: string;
}

/**
 * The one way to act on the API: PUT the link, toast the result, refresh what it changed.
 * Returns the response body (for start and re-execute: the new execution).
 */
export function useLinkAction() {
  const client = useQueryClient();
  return useMutation<Execution | undefined, ApiError, LinkAction>({
    mutationFn: ({ link, body }) => putLink<Execution>(link, body),
    onSuccess: (_data, action) => {
      ToastQueue.positive(action.success, { timeout: 5000 });
    },
    onError: (error) => {
      ToastQueue.negative(error.message, { timeout: 8000 });
    },
    onSettled: () => refreshAfterAction(client),
  });
}
