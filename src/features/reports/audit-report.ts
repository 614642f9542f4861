/**
 * Reports → Experience Audit, as pure functions: the date ranges (View) and triggers a user
 * filters by, the runs of the production pipeline they keep, and the pages scanned in them.
 */
import type { AuditRun } from '../../api/audit-history';
import { finishedAuditStep } from '../../api/audit-history';
import type { Execution } from '../../api/types';
import type { AuditResults } from '../../domain/experience-audit-results';
import type { Scores } from '../../domain/experience-audit';
import { parseApiTime } from '../../lib/format';

export type RangePreset = '7d' | '30d' | '6m' | '1y' | 'custom';

export const RANGE_LABELS: Record<RangePreset, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '6m': 'Last 6 months',
  '1y': 'Last year',
  custom: 'Custom range',
};

export type TriggerFilter = 'all' | 'MANUAL' | 'ON_COMMIT' | 'RE_EXECUTE';

export const TRIGGER_LABELS: Record<TriggerFilter, string> = {
  all: 'All',
  MANUAL: 'Manual',
  ON_COMMIT: 'On Git Changes',
  RE_EXECUTE: 'Re-execute',
};

/** Runs from `since` (ms) up to `until` (ms, inclusive; none: no end). */
export interface DateRange {
  since: number;
  until?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The time "Last …" counts back from: now, or the newest run when it is later (the simulator's
 * clock may run ahead of this computer's).
 */
export function rangeAnchor(executions: Execution[], now: number): number {
  const newest = Math.max(...executions.map((execution) => parseApiTime(execution.createdAt)?.getTime() ?? 0));
  return Math.max(now, newest);
}

/** The range of a preset, counted back from `anchor`. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, anchor: number): DateRange {
  const from = new Date(anchor);
  if (preset === '7d') return { since: anchor - 7 * DAY };
  if (preset === '30d') return { since: anchor - 30 * DAY };
  if (preset === '6m') from.setUTCMonth(from.getUTCMonth() - 6);
  else from.setUTCFullYear(from.getUTCFullYear() - 1);
  return { since: from.getTime() };
}

/** The runs with audit scores that started in `range` with a matching trigger, newest first. */
export function reportRuns(executions: Execution[], range: DateRange, trigger: TriggerFilter): AuditRun[] {
  return executions.flatMap((execution) => {
    const at = parseApiTime(execution.createdAt)?.getTime();
    if (at === undefined || at < range.since || (range.until !== undefined && at > range.until)) return [];
    if (trigger !== 'all' && execution.trigger !== trigger) return [];
    const step = finishedAuditStep(execution);
    return step ? [{ execution, step }] : [];
  });
}

/** A page scanned in the runs shown, with its scores (mobile) in the newest of them that has it. */
export interface ScannedPage {
  path: string;
  scores: Scores;
  /** When that audit finished, and its execution. */
  at?: string;
  executionId: string;
}

/** Every page scanned in `runs` (newest first, each with its results), by path, with its latest scores. */
export function scannedPages(runs: { run: AuditRun; results: AuditResults | undefined }[]): ScannedPage[] {
  const pages = new Map<string, ScannedPage>();
  for (const { run, results } of runs) {
    for (const page of results?.pages ?? []) {
      if (pages.has(page.path)) continue;
      pages.set(page.path, { path: page.path, scores: page.mobile, at: run.step.finishedAt, executionId: run.execution.id });
    }
  }
  return [...pages.values()].sort((a, b) => a.path.localeCompare(b.path));
}
