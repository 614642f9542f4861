/**
 * Reports → Experience Audit: the score trend over the runs of the production pipeline, for all
 * pages (the medians of the API's metrics) or one page (the simulator's CONTENT_AUDIT_RESULTS
 * artifact, labelled as an extension), over a date range (View) and for a trigger; under it every
 * page scanned in those runs, paged. Points open their run. Runs are read through the pipeline's
 * `executions` link and `next` links, as far back as the range goes; their metrics and artifacts
 * once (an ended run never changes).
 */
import { DateRangePicker, Flex, Heading, Item, Picker, Text, type DateRange as DateRangeValue } from '@adobe/react-spectrum';
import { useMemo, useState } from 'react';
import { useStepsArtifactJson } from '../../api/artifacts';
import { useStepsMetrics } from '../../api/audit-history';
import { useExecutionsBackTo } from '../../api/history';
import type { Execution, Pipeline } from '../../api/types';
import { ScoreTrend } from '../../components/experience-audit/score-trend';
import { SimulatorExtensionNote } from '../../components/experience-audit/simulator-extension-note';
import { trendPoints, type TrendPoint } from '../../components/experience-audit/trend-points';
import { QueryState } from '../../components/query-state';
import { scoresFromMetrics } from '../../domain/experience-audit';
import { readAuditResults } from '../../domain/experience-audit-results';
import { paths } from '../../lib/paths';
import {
  presetRange,
  RANGE_LABELS,
  rangeAnchor,
  reportRuns,
  scannedPages,
  TRIGGER_LABELS,
  type DateRange,
  type RangePreset,
  type TriggerFilter,
} from './audit-report';
import { ScannedPagesTable } from './scanned-pages-table';

/** The page filter's value for all pages (the API's median scores). */
const ALL_PAGES = '__all__';
/** Runs the report reads the results of at most (the newest in the range). */
export const MAX_REPORT_RUNS = 100;
const DAY = 24 * 60 * 60 * 1000;

/** A custom range of whole days (UTC), or none while it is not chosen. */
function customRange(value: DateRangeValue | null): DateRange | undefined {
  if (!value) return undefined;
  return { since: value.start.toDate('UTC').getTime(), until: value.end.toDate('UTC').getTime() + DAY - 1 };
}

export function ExperienceAuditReport({ programId, pipeline }: { programId: string; pipeline: Pipeline }) {
  const [preset, setPreset] = useState<RangePreset>('1y');
  const [custom, setCustom] = useState<DateRangeValue | null>(null);
  const [trigger, setTrigger] = useState<TriggerFilter>('all');
  const [page, setPage] = useState(ALL_PAGES);
  const [now] = useState(() => Date.now());
  const rangeOf = (executions: Execution[]) =>
    preset === 'custom' ? customRange(custom) : presetRange(preset, rangeAnchor(executions, now));
  const history = useExecutionsBackTo(pipeline, (executions) => rangeOf(executions)?.since);
  const range = rangeOf(history.executions);
  const allRuns = range ? reportRuns(history.executions, range, trigger) : [];
  const runs = allRuns.slice(0, MAX_REPORT_RUNS);
  const metrics = useStepsMetrics(runs.map((run) => run.step));
  const artifacts = useStepsArtifactJson<unknown>(
    runs.map((run) => run.step),
    'CONTENT_AUDIT_RESULTS',
  );
  const results = useMemo(
    () => artifacts.map((artifact) => (artifact.data === undefined ? undefined : readAuditResults(artifact.data))),
    [artifacts],
  );
  const scanned = scannedPages(runs.map((run, index) => ({ run, results: results[index] })));
  const pageChoices =
    scanned.some((p) => p.path === page) || page === ALL_PAGES ? scanned.map((p) => p.path) : [page, ...scanned.map((p) => p.path)];

  const newestFirst: TrendPoint[] = runs.map((run, index) => ({
    executionId: run.execution.id,
    route: paths.execution.href(programId, pipeline.id, run.execution.id),
    at: run.step.finishedAt,
    scores:
      page === ALL_PAGES
        ? scoresFromMetrics(metrics[index]?.data?.metrics)
        : (results[index]?.pages.find((p) => p.path === page)?.mobile ?? {}),
    current: false,
  }));
  const points = trendPoints(newestFirst);
  const pending = history.isPending || metrics.some((q) => q.isPending) || artifacts.some((q) => q.isPending);
  const failed = [history, ...metrics, ...artifacts].find((q) => q.error);
  const rangeWords = preset === 'custom' ? 'the chosen dates' : `the ${RANGE_LABELS[preset].toLowerCase()}`;
  const what = page === ALL_PAGES ? 'Median scores (mobile) of the audited pages' : `Scores (mobile) of ${page}`;

  return (
    <Flex direction="column" gap="size-200">
      <Flex gap="size-200" alignItems="end" wrap>
        <Picker label="Page" selectedKey={page} onSelectionChange={(key) => setPage(String(key))} width="size-4600">
          {[{ key: ALL_PAGES, label: 'All pages (median)' }, ...pageChoices.map((path) => ({ key: path, label: path }))].map((item) => (
            <Item key={item.key}>{item.label}</Item>
          ))}
        </Picker>
        <Picker label="View" selectedKey={preset} onSelectionChange={(key) => setPreset(key as RangePreset)} width="size-2400">
          {(Object.keys(RANGE_LABELS) as RangePreset[]).map((key) => (
            <Item key={key}>{RANGE_LABELS[key]}</Item>
          ))}
        </Picker>
        {preset === 'custom' ? <DateRangePicker label="Dates (UTC)" value={custom} onChange={setCustom} maxVisibleMonths={2} /> : null}
        <Picker label="Trigger" selectedKey={trigger} onSelectionChange={(key) => setTrigger(key as TriggerFilter)} width="size-2400">
          {(Object.keys(TRIGGER_LABELS) as TriggerFilter[]).map((key) => (
            <Item key={key}>{TRIGGER_LABELS[key]}</Item>
          ))}
        </Picker>
      </Flex>
      {page !== ALL_PAGES ? <SimulatorExtensionNote /> : null}
      {!range ? (
        <Text>Choose the first and last day of the range.</Text>
      ) : (
        <QueryState
          what="experience audit runs"
          isPending={pending}
          error={failed?.error}
          onRetry={() => void failed?.refetch()}
          isEmpty={points.length === 0}
          empty={`No run of ${pipeline.name} with an experience audit matches these filters.`}
        >
          <section aria-labelledby="audit-trend-title">
            <Heading level={3} id="audit-trend-title">
              Page scores — trend
            </Heading>
            <ScoreTrend
              points={points}
              description={`${what} in the ${points.length} ${points.length === 1 ? 'run' : 'runs'} of ${pipeline.name} in ${rangeWords}${
                trigger === 'all' ? '' : ` started by ${TRIGGER_LABELS[trigger]}`
              }, oldest first. Select a run to open it.`}
              tableCaption={`${what} by run, oldest first`}
            />
            {allRuns.length > runs.length || history.truncated ? (
              <Text UNSAFE_className="audit-note">{`Showing the newest ${runs.length} runs of the range.`}</Text>
            ) : null}
          </section>
          <section aria-labelledby="audit-scanned-title">
            <Heading level={3} id="audit-scanned-title">
              Experience audit scan results
            </Heading>
            <ScannedPagesTable pages={scanned} onShowPage={setPage} />
          </section>
        </QueryState>
      )}
    </Flex>
  );
}
