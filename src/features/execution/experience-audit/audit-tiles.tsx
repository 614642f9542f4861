/**
 * The summary: four tiles (Performance, Accessibility, Best Practices, SEO), each with this run's
 * median score, its band, and its change from the previous run that has scores. PWA is never here.
 * `previous` undefined with `compared` = there is no earlier score (N/A); `compared` false = the
 * earlier run could not be read, so no change is claimed.
 */
import { SUMMARY_CATEGORIES, scoreChange, type Scores } from '../../../domain/experience-audit';
import { ChangeChip } from './change-chip';
import { ScoreBadge } from '../../../components/experience-audit/score-badge';

interface AuditTilesProps {
  current: Scores;
  previous: Scores | undefined;
  compared: boolean;
}

export function AuditTiles({ current, previous, compared }: AuditTilesProps) {
  return (
    <ul className="audit-tiles" aria-label="Median scores">
      {SUMMARY_CATEGORIES.map(({ kpi, label }) => (
        <li key={kpi} className="audit-tile" data-kpi={kpi}>
          <span className="audit-tile__label">{label}</span>
          <span className="audit-tile__score">
            <ScoreBadge score={current[kpi]} />
          </span>
          {compared ? <ChangeChip change={scoreChange(current[kpi], previous?.[kpi])} /> : null}
        </li>
      ))}
    </ul>
  );
}
