/** The trend chart's table equivalent: one row per run (oldest first), with a link to each run. */
import { Link } from '@adobe/react-spectrum';
import { formatDateTime } from '../../lib/format';
import { SUMMARY_CATEGORIES } from '../../domain/experience-audit';
import { ScoreBadge } from './score-badge';
import type { TrendPoint } from './trend-points';

export function TrendTable({ points, caption }: { points: TrendPoint[]; caption: string }) {
  // the box scrolls sideways on a narrow screen; its links are what the keyboard reaches in it
  return (
    <div className="audit-trend__table-scroll">
      <table className="audit-trend__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Execution</th>
            <th scope="col">Audited</th>
            {SUMMARY_CATEGORIES.map(({ kpi, label }) => (
              <th key={kpi} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.executionId} aria-current={point.current ? 'true' : undefined}>
              <th scope="row">
                <Link href={point.route}>{`Execution ${point.executionId}`}</Link>
                {point.current ? ' (this run)' : null}
              </th>
              <td>{formatDateTime(point.at)}</td>
              {SUMMARY_CATEGORIES.map(({ kpi }) => (
                <td key={kpi}>
                  <ScoreBadge score={point.scores[kpi]} compact />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
