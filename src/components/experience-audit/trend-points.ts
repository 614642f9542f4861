/** The runs of a score trend: one point per run with audit scores, oldest first. */
import type { Scores } from '../../domain/experience-audit';
import { hasScores, SUMMARY_CATEGORIES } from '../../domain/experience-audit';

export interface TrendPoint {
  executionId: string;
  /** The console route of the run's execution page. */
  route: string;
  /** When the audit finished. */
  at?: string;
  scores: Scores;
  /** The run on screen. */
  current: boolean;
}

/** Points from runs given newest first; runs without scores are left out. */
export function trendPoints(newestFirst: TrendPoint[]): TrendPoint[] {
  return newestFirst.filter((point) => hasScores(point.scores)).reverse();
}

/** "Execution 123: Performance 78, Accessibility 92, Best Practices 100, SEO 98". */
export function pointLabel(point: TrendPoint): string {
  const scores = SUMMARY_CATEGORIES.map(({ kpi, label }) => `${label} ${point.scores[kpi] ?? 'no score'}`).join(', ');
  return `Execution ${point.executionId}${point.current ? ' (this run)' : ''}: ${scores}`;
}
