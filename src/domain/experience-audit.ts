/**
 * Experience audit scores and their changes, as pure functions: the categories and their names,
 * the score of each category in a step's metrics, the change from the previous run ("+4", "−7",
 * "No Change", "N/A") and the Lighthouse band of a score (0–49 poor, 50–89 needs improvement,
 * 90–100 good).
 */
import type { Metric } from '../api/types';

export type AuditCategory = 'performance' | 'accessibility' | 'best-practices' | 'seo' | 'pwa';
export type SummaryCategory = Exclude<AuditCategory, 'pwa'>;

/** The four categories of the summary, in Cloud Manager's order (PWA only in a page's details). */
export const SUMMARY_CATEGORIES: readonly { kpi: SummaryCategory; label: string }[] = [
  { kpi: 'performance', label: 'Performance' },
  { kpi: 'accessibility', label: 'Accessibility' },
  { kpi: 'best-practices', label: 'Best Practices' },
  { kpi: 'seo', label: 'SEO' },
];

/** Every category the audit scores, PWA included (a page's details). */
export const ALL_CATEGORIES: readonly { kpi: AuditCategory; label: string }[] = [...SUMMARY_CATEGORIES, { kpi: 'pwa', label: 'PWA' }];

export type Scores = Partial<Record<AuditCategory, number>>;

/** A score from 0 to 100 (rounded), or undefined for anything else. */
export function parseScore(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 100 ? Math.round(n) : undefined;
}

/** The score of each category in a contentAudit step's metrics (its `actualValue`). */
export function scoresFromMetrics(metrics: Metric[] | undefined): Scores {
  const scores: Scores = {};
  for (const { kpi } of ALL_CATEGORIES) {
    const score = parseScore(metrics?.find((metric) => metric.kpi === kpi)?.actualValue);
    if (score !== undefined) scores[kpi] = score;
  }
  return scores;
}

export const hasScores = (scores: Scores) => SUMMARY_CATEGORIES.some(({ kpi }) => scores[kpi] !== undefined);

export type ScoreChange = { kind: 'improved' | 'regressed'; points: number } | { kind: 'unchanged' } | { kind: 'unknown' };

/** The change from `previous` to `current`; unknown when either score is missing. */
export function scoreChange(current: number | undefined, previous: number | undefined): ScoreChange {
  if (current === undefined || previous === undefined) return { kind: 'unknown' };
  const points = Math.round(current - previous);
  if (points === 0) return { kind: 'unchanged' };
  return points > 0 ? { kind: 'improved', points } : { kind: 'regressed', points: -points };
}

/** The minus sign of a regression (U+2212, as the duration comparison writes it). */
export const MINUS = '\u2212';

/** What the chip says: "+4", "−7", "No Change" or "N/A". */
export function changeText(change: ScoreChange): string {
  switch (change.kind) {
    case 'improved':
      return `+${change.points}`;
    case 'regressed':
      return `${MINUS}${change.points}`;
    case 'unchanged':
      return 'No Change';
    default:
      return 'N/A';
  }
}

/** The change in words, for screen readers and tooltips. */
export function changeWords(change: ScoreChange): string {
  switch (change.kind) {
    case 'improved':
      return `up ${change.points} from the previous run`;
    case 'regressed':
      return `down ${change.points} from the previous run`;
    case 'unchanged':
      return 'no change from the previous run';
    default:
      return 'no earlier score to compare with';
  }
}

export type ScoreBand = 'poor' | 'average' | 'good';

/** Lighthouse's bands: 0–49 poor (red), 50–89 needs improvement (orange), 90–100 good (green). */
export function scoreBand(score: number): { band: ScoreBand; word: string } {
  if (score >= 90) return { band: 'good', word: 'Good' };
  if (score >= 50) return { band: 'average', word: 'Needs improvement' };
  return { band: 'poor', word: 'Poor' };
}
