/**
 * A score trend over runs: what it shows (`description`, which also names the chart), the chart
 * whose points open their run, its legend, and its table equivalent behind "Show as table". Used
 * by the execution page's Experience Audit step and by Reports → Experience Audit.
 */
import { Flex, Switch, Text } from '@adobe/react-spectrum';
import { useId, useState } from 'react';
import { TrendChart } from './trend-chart';
import { TrendLegend } from './trend-legend';
import type { TrendPoint } from './trend-points';
import { TrendTable } from './trend-table';
import './experience-audit-scores.css';

interface ScoreTrendProps {
  /** The runs, oldest first. */
  points: TrendPoint[];
  /** What the trend shows ("Median scores of the last 12 runs…"); it names the chart. */
  description: string;
  /** The table's caption. */
  tableCaption: string;
}

export function ScoreTrend({ points, description, tableCaption }: ScoreTrendProps) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <Flex direction="column" gap="size-100" UNSAFE_className="audit-trend">
      <Text id={titleId} UNSAFE_className="audit-note">
        {description}
      </Text>
      <TrendChart points={points} labelledBy={titleId} />
      <TrendLegend />
      <Switch isSelected={asTable} onChange={setAsTable}>
        Show as table
      </Switch>
      {asTable ? <TrendTable points={points} caption={tableCaption} /> : null}
    </Flex>
  );
}
