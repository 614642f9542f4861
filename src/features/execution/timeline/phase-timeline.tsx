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

/** The right column: a small-caps header per group and its steps on a vertical line. */
export function PhaseTimeline({ groups, groupId, executionId, artifactsVersion, buildStep, consoleLinks, leading }: PhaseTimelineProps) {
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
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
