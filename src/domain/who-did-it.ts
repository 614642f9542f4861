/**
 * Who did it, in words (simulator extensions, docs/decisions.md 19): who started a run, and who
 * decided a step ("Approved by Marco Bianchi on …"). A real Cloud Manager names the starting
 * user's id only, and no decider: then there is less (or nothing) to say.
 */
import type { Actor, Execution, StepState } from '../api/types';
import { formatFinishTime } from '../lib/format';

function actorName(value: unknown): string | undefined {
  const actor = value as Partial<Actor> | undefined;
  return actor && typeof actor.name === 'string' && actor.name ? actor.name : undefined;
}

/** Who started the run: their name (simulator), else the API's user id; empty for a run nobody started (on commit, push update). */
export function startedByText(execution: Pick<Execution, 'startedBy' | 'user'>): string {
  return actorName(execution.startedBy) ?? execution.user ?? '';
}

/** The verb of a user's decision on a step, from the step and how it ended. */
function decisionVerb(step: Pick<StepState, 'action' | 'status'>): string | undefined {
  if (step.action === 'approval') return step.status === 'FINISHED' ? 'Approved' : step.status === 'CANCELLED' ? 'Rejected' : undefined;
  if (step.action === 'codeQuality') return step.status === 'FINISHED' ? 'Overridden' : step.status === 'FAILED' ? 'Rejected' : undefined;
  if (step.status === 'CANCELLED') return 'Cancelled';
  if (step.action === 'schedule') return 'Scheduled';
  return undefined;
}

/**
 * "Approved by Marco Bianchi on Nov 23, 2026 11:53:06 PM", "Rejected by …", "Overridden by …",
 * "Scheduled by … for <time>", "Cancelled by …"; undefined when nobody is named as having decided.
 */
export function decisionText(step: Pick<StepState, 'action' | 'status' | 'details'>): string | undefined {
  const details = step.details ?? {};
  const scheduledFor = typeof details.scheduledFor === 'string' ? details.scheduledFor : undefined;
  const scheduledBy = actorName(details.scheduledBy);
  if (step.action === 'schedule' && scheduledBy && scheduledFor && step.status !== 'CANCELLED')
    return `Scheduled by ${scheduledBy} for ${formatFinishTime(scheduledFor)}`;
  const by = actorName(details.decidedBy);
  const verb = decisionVerb(step);
  if (!by || !verb) return undefined;
  const at = typeof details.decidedAt === 'string' ? details.decidedAt : undefined;
  return at ? `${verb} by ${by} on ${formatFinishTime(at)}` : `${verb} by ${by}`;
}
