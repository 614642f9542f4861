import type { StepState } from '../api/types';

/** A step's duration against the average of its last 20 runs (issue #4; being built). */
export function StepDurationComparison(_props: { step: StepState }) {
  return null;
}
