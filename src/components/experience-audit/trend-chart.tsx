/**
 * The score trend as a plain SVG chart: one line per summary category over the runs (oldest on
 * the left), the Lighthouse band limits (50, 90) as guides, and one link per run — focusable,
 * named with the run's scores — that opens the run's execution page.
 */
import { SUMMARY_CATEGORIES } from '../../domain/experience-audit';
import { markerPath, TREND_SERIES } from './trend-series';
import { pointLabel, type TrendPoint } from './trend-points';
import { TrendRunLink } from './trend-run-link';

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 30, left: 34 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const GUIDES = [0, 50, 90, 100];

const yOf = (score: number) => MARGIN.top + ((100 - score) / 100) * PLOT_H;

export function TrendChart({ points, labelledBy }: { points: TrendPoint[]; labelledBy: string }) {
  const step = points.length > 1 ? PLOT_W / (points.length - 1) : 0;
  const xOf = (index: number) => MARGIN.left + (points.length > 1 ? index * step : PLOT_W / 2);
  const labelEvery = Math.max(1, Math.ceil(points.length / 10));
  return (
    <svg className="audit-trend__chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-labelledby={labelledBy}>
      <g aria-hidden className="audit-trend__axes">
        {GUIDES.map((score) => (
          <g key={score}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={yOf(score)}
              y2={yOf(score)}
              className={`audit-trend__guide audit-trend__guide--${score}`}
            />
            <text x={MARGIN.left - 6} y={yOf(score) + 4} textAnchor="end">
              {score}
            </text>
          </g>
        ))}
        {points.map((point, index) =>
          index % labelEvery === 0 || index === points.length - 1 ? (
            <text key={point.executionId} x={xOf(index)} y={HEIGHT - 10} textAnchor="middle">
              {point.executionId}
            </text>
          ) : null,
        )}
      </g>
      <g aria-hidden>
        {SUMMARY_CATEGORIES.map(({ kpi }) => (
          <polyline
            key={kpi}
            className={`audit-trend__line audit-trend__series--${kpi}`}
            strokeDasharray={TREND_SERIES[kpi].dash}
            points={points
              .flatMap((point, index) => (point.scores[kpi] === undefined ? [] : [`${xOf(index)},${yOf(point.scores[kpi])}`]))
              .join(' ')}
          />
        ))}
      </g>
      {points.map((point, index) => (
        <TrendRunLink key={point.executionId} to={point.route} label={pointLabel(point)} current={point.current}>
          <rect
            className="audit-trend__hit"
            x={xOf(index) - Math.max(6, step / 2)}
            y={MARGIN.top - 6}
            width={Math.max(12, step)}
            height={PLOT_H + 12}
          />
          {SUMMARY_CATEGORIES.map(({ kpi }) => {
            const score = point.scores[kpi];
            return score === undefined ? null : (
              <path
                key={kpi}
                className={`audit-trend__marker audit-trend__series--${kpi}`}
                d={markerPath(TREND_SERIES[kpi].marker, xOf(index), yOf(score))}
              />
            );
          })}
        </TrendRunLink>
      ))}
    </svg>
  );
}
