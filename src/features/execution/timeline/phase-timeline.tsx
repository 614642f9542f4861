import { Heading } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';
import type { StepState } from '../../../api/types';
import type { ConsoleLinks } from '../holds/hold-approval';
import type { PhaseGroup } from '../../../domain/phase-groups';
import { StepItem } from './step-item';
import './step-timeline.css';

interface PhaseTimelineProps {
  groups: PhaseGroup[];
  groupId: (group: PhaseGroup) => string;
  executionId?: string;
  artifactsVersion?: string;
  buildStep?: StepState;
  consoleLinks?: ConsoleLinks;
  /** An item before the first group (the "Start Pipeline" item of a pipeline that has not run). */
  leading?: ReactNode;
}

const isScheduleHeld = (step: StepState) =>
  step.action === 'schedule' &&
  (step.status === 'WAITING' || (step.status === 'RUNNING' && typeof step.details?.scheduledFor === 'string'));

/**
 * Where Cloud Manager shows a disabled Cancel under Deploy to Production: while the schedule step
 * waits (for a decision or for its date) and while the production deployment runs — a production
 * deployment is never cancelled.
 */
function prodDeployCannotCancel(step: StepState, steps: StepState[]): string | undefined {
  if (step.action !== 'deploy' || step.environmentType !== 'prod') return undefined;
  const shown = step.status === 'RUNNING' || (step.status === 'NOT_STARTED' && steps.some(isScheduleHeld));
  return shown ? 'A production deployment cannot be cancelled.' : undefined;
}

/** The right column: a small-caps header per group and its steps on a vertical line. */
export function PhaseTimeline({ groups, groupId, executionId, artifactsVersion, buildStep, consoleLinks, leading }: PhaseTimelineProps) {
  const steps = groups.flatMap((group) => group.steps);
  return (
    <div className="phase-timeline">
      {leading}
      {groups.map((group) => (
        <section key={group.key} id={groupId(group)} tabIndex={-1} aria-labelledby={`${groupId(group)}-title`} className="phase-group">
          <Heading level={2} id={`${groupId(group)}-title`} UNSAFE_className="phase-group-header">
            {group.title}
          </Heading>
          <ol className="step-timeline-list">
            {group.steps.map((step) => (
              <StepItem
                key={step.id}
                step={step}
                executionId={executionId}
                artifactsVersion={artifactsVersion}
                buildStep={step.action === 'deploy' ? buildStep : undefined}
                consoleLinks={step.action === 'approval' ? consoleLinks : undefined}
                cannotCancel={prodDeployCannotCancel(step, steps)}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
