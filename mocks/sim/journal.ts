/**
 * The journal: one entry for every transition of a run, in the order the engine made them — an
 * execution started or ended, a step started (not the held steps: cm-api §5.3), waited or ended.
 * Pure domain data (ids, times in simulated ms, statuses); mocks/api renders Adobe I/O event
 * envelopes from it (the journal for pollers, webhooks in the standalone server). Bounded: the
 * oldest entries are dropped past the limit.
 *
 * An entry's id is a function of what happened (seed, kind, execution, step, time), not of its
 * position, so a restart that catches up from the wall clock makes the same events with the same
 * ids, whatever order it makes them in.
 */
import { hashString } from './content/rng';
import type { Execution, StepAction, StepState } from './model';

/** The event codes (Adobe I/O's `x-adobe-event-code`), one per kind of transition. */
export const EVENT_CODES = [
  'pipeline_execution_start',
  'pipeline_execution_step_start',
  'pipeline_execution_step_waiting',
  'pipeline_execution_step_end',
  'pipeline_execution_end',
] as const;
export type EventCode = (typeof EVENT_CODES)[number];

/** How many entries the journal keeps (the oldest go first). */
export const JOURNAL_LIMIT = 20_000;

/** Held steps never send a "started" event (cm-api §5.3): they start by waiting. */
const NO_START_EVENT: readonly StepAction[] = ['codeQuality', 'approval', 'schedule', 'managed'];

export interface JournalEntry {
  /** Position in this journal: 1, 2, 3, … (never reused, not even after a reset). */
  seq: number;
  /** A UUID, the same whenever the same transition is made again (a restart catching up). */
  id: string;
  kind: EventCode;
  /** Simulated time of the transition (epoch ms). */
  at: number;
  programId: string;
  pipelineId: string;
  executionId: string;
  /** Step events: the step state's address and action. */
  phaseId?: string;
  stepId?: string;
  stepStateId?: string;
  action?: StepAction;
  /** The execution's or step's status after the transition. */
  status?: string;
  /** The id of the user who caused it (started the run, decided the step), when a user did. */
  actor?: string;
}

export interface Journal {
  /** The seq the next entry gets. */
  nextSeq: number;
  /** Oldest first. */
  entries: JournalEntry[];
}

export function emptyJournal(nextSeq = 1): Journal {
  return { nextSeq, entries: [] };
}

/** Whether a step starting sends a "started" event. */
export function startsWithEvent(step: Pick<StepState, 'action'>): boolean {
  return !NO_START_EVENT.includes(step.action);
}

/** A UUID (version-4 shaped) drawn from `key`. */
export function uuidOf(key: string): string {
  const hex = [0, 1, 2, 3].map((i) => hashString(`${i}|${key}`).toString(16).padStart(8, '0')).join('');
  const variant = '89ab'[parseInt(hex[16], 16) % 4];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What an entry says, before the journal numbers it. */
export type Transition = Omit<JournalEntry, 'seq' | 'id'>;

/** The transition of `execution` (and of `step` for step events) at `at`. */
export function transition(kind: EventCode, execution: Execution, at: number, step?: StepState, actor?: string): Transition {
  return {
    kind,
    at,
    programId: execution.programId,
    pipelineId: execution.pipelineId,
    executionId: execution.id,
    ...(step ? { phaseId: step.phaseId, stepId: step.stepId, stepStateId: step.id, action: step.action, status: step.status } : {}),
    ...(step ? {} : { status: execution.status }),
    ...(actor ? { actor } : {}),
  };
}

/** Appends an entry (numbered, with its id), dropping the oldest past `limit`. */
export function record(journal: Journal, seed: number, entry: Transition, limit = JOURNAL_LIMIT): JournalEntry {
  const id = uuidOf(`${seed}|${entry.kind}|${entry.executionId}|${entry.stepStateId ?? ''}|${entry.at}`);
  const numbered: JournalEntry = { seq: journal.nextSeq, id, ...entry };
  journal.nextSeq += 1;
  journal.entries.push(numbered);
  if (journal.entries.length > limit) journal.entries.splice(0, journal.entries.length - limit);
  return numbered;
}

/** The seq a reader may continue after: from the one before the oldest kept entry up to the last one. */
export function cursorRange(journal: Journal): { oldest: number; newest: number } {
  const newest = journal.nextSeq - 1;
  return { oldest: (journal.entries[0]?.seq ?? journal.nextSeq) - 1, newest };
}

/** Up to `limit` entries after seq `after`, oldest first. */
export function entriesAfter(journal: Journal, after: number, limit: number): JournalEntry[] {
  const { entries } = journal;
  // Seqs are consecutive within the kept entries: index by arithmetic, not by search.
  const start = entries.length ? Math.max(0, after + 1 - entries[0].seq) : 0;
  return entries.slice(start, start + limit);
}
