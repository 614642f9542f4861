/**
 * The execution on screen and its pipeline, for step components that compare it with earlier
 * runs (durations, experience audit). Provided by the execution page.
 */
import { createContext, useContext } from 'react';
import type { Pipeline } from '../../api/types';

export interface ExecutionContextValue {
  pipeline: Pipeline;
  /** The id of the execution on screen. */
  executionId: string;
}

export const ExecutionContext = createContext<ExecutionContextValue | undefined>(undefined);

export function useExecutionContext(): ExecutionContextValue | undefined {
  return useContext(ExecutionContext);
}
