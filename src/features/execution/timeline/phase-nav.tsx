import { phaseGroupState, type PhaseGroup, type PhaseGroupState } from '../../../domain/phase-groups';
import './step-timeline.css';

interface PhaseNavProps {
  groups: PhaseGroup[];
  /** The element id of a group's section in the timeline. */
  groupId: (group: PhaseGroup) => string;
}

function currentGroupKey(groups: PhaseGroup[], states: PhaseGroupState[]): string | undefined {
  const index = states.findIndex((state) => state === 'Waiting' || state === 'Running' || state === 'Failed' || state === 'Cancelled');
  return index >= 0 ? groups[index].key : undefined;
}

/**
 * The left column: one entry per phase group with a dot AND a word; pressing it (mouse or
 * keyboard: it is a real button) scrolls the timeline to the group and moves focus there.
 */
export function PhaseNav({ groups, groupId }: PhaseNavProps) {
  const states = groups.map(phaseGroupState);
  const current = currentGroupKey(groups, states);
  const go = (group: PhaseGroup) => {
    const target = document.getElementById(groupId(group));
    target?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    target?.focus({ preventScroll: true });
  };
  return (
    <nav aria-label="Phases" className="phase-nav">
      <ul className="phase-nav-list">
        {groups.map((group, index) => (
          <li
            key={group.key}
            className={`phase-nav-item phase-nav-item--${states[index]}${group.key === current ? ' phase-nav-item--current' : ''}`}
          >
            <button
              type="button"
              className="phase-nav-button"
              onClick={() => go(group)}
              aria-current={group.key === current ? 'step' : undefined}
            >
              <span className={`phase-dot phase-dot--${states[index]}`} aria-hidden />
              <span className="phase-nav-title">{group.title}</span>
              <span className="phase-nav-state">{states[index]}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
