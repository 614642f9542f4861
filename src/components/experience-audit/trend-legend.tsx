/** The trend's legend: each category's name beside its line style and marker. */
import { SUMMARY_CATEGORIES } from '../../domain/experience-audit';
import { markerPath, TREND_SERIES } from './trend-series';

export function TrendLegend() {
  return (
    <ul className="audit-trend__legend" aria-label="Legend">
      {SUMMARY_CATEGORIES.map(({ kpi, label }) => (
        <li key={kpi}>
          <svg viewBox="0 0 28 12" width="28" height="12" aria-hidden focusable="false">
            <line
              x1="0"
              x2="28"
              y1="6"
              y2="6"
              className={`audit-trend__line audit-trend__series--${kpi}`}
              strokeDasharray={TREND_SERIES[kpi].dash}
            />
            <path className={`audit-trend__marker audit-trend__series--${kpi}`} d={markerPath(TREND_SERIES[kpi].marker, 14, 6)} />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
