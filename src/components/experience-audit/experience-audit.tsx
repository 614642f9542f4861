import type { StepState } from '../../api/types';

/** Experience audit results of a contentAudit step (issue #4; being built). */
export function ExperienceAudit(_props: { step: StepState }) {
  return null;
}
