import type { StepState } from '../api/types';

/** Test step results (issue #4; being built). */
export function StepTestResults(_props: { step: StepState }) {
  return null;
}
