/**
 * The decisions a user takes on a step, as the engine takes them: typed commands, never request
 * bodies (mocks/api reads them from the advance and cancel bodies).
 */
import type { StepAction, StepState } from './model';
import type { Permission } from './users';

/** Advance: go on past a hold. */
export type StepDecision =
  /** Code quality: carry on despite failing important metrics; every failing one must be named. */
  | { kind: 'override'; kpis: string[] }
  /** Approval: approve the production deployment. */
  | { kind: 'approve' }
  /** Schedule: deploy to production now. */
  | { kind: 'scheduleImmediate' }
  /** Schedule: deploy to production at `at` (epoch ms); `schedule` is that time as the user wrote it. */
  | { kind: 'scheduleAt'; at: number; schedule: string }
  /** Managed step: start. */
  | { kind: 'managedStart' };

/** Cancel: refuse a hold, or stop a running step. */
export type CancelRequest =
  /** Code quality: reject the important metric failures (the run fails). */
  | { kind: 'rejectQuality' }
  /** Approval: reject the production deployment (the run is cancelled). */
  | { kind: 'rejectApproval' }
  /** Managed step: do not start (the run is cancelled). */
  | { kind: 'managedNoStart' }
  /** Any other step that may be cancelled: a running step other than a deployment, or a schedule. */
  | { kind: 'cancel' };

/** The step action each decision is for. */
export const DECISION_ACTION: Record<StepDecision['kind'], StepAction> = {
  override: 'codeQuality',
  approve: 'approval',
  scheduleImmediate: 'schedule',
  scheduleAt: 'schedule',
  managedStart: 'managed',
};

/** The cancel request `step` takes: a held code quality, approval or managed step is refused in its own way; others are cancelled. */
export function cancelKindFor(step: StepState): CancelRequest['kind'] {
  if (step.status === 'WAITING') {
    if (step.action === 'codeQuality') return 'rejectQuality';
    if (step.action === 'approval') return 'rejectApproval';
    if (step.action === 'managed') return 'managedNoStart';
  }
  return 'cancel';
}

/** The permission deciding a waiting step of this action takes (advance), if it can wait at all. */
const ADVANCE_PERMISSION: Partial<Record<StepAction, Permission>> = {
  codeQuality: 'qualityOverride',
  approval: 'productionApprove',
  schedule: 'productionSchedule',
  managed: 'executionStart',
};

/** The permission an advance of `step` needs (none for a step that never waits: the engine refuses it anyway). */
export function advancePermission(step: StepState): Permission | undefined {
  return ADVANCE_PERMISSION[step.action];
}

/** The permission cancelling `step` needs: rejecting a held code quality or approval step is that hold's permission. */
export function cancelPermission(step: StepState): Permission {
  const kind = cancelKindFor(step);
  if (kind === 'rejectQuality') return 'qualityOverride';
  if (kind === 'rejectApproval') return 'productionApprove';
  return 'executionCancel';
}
