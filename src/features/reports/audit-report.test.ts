import { describe, expect, it } from 'vitest';
import type { Execution } from '../../api/types';
import { presetRange, rangeAnchor, reportRuns, scannedPages } from './audit-report';

const NOW = Date.UTC(2026, 10, 28, 9);
const DAY = 24 * 60 * 60 * 1000;

function run(id: string, daysAgo: number, trigger = 'MANUAL', audited = true): Execution {
  const at = new Date(NOW - daysAgo * DAY).toISOString();
  return {
    id,
    status: 'FINISHED',
    trigger,
    createdAt: at,
    _embedded: {
      stepStates: [
        {
          id: `${id}-a`,
          stepId: '1',
          phaseId: '1',
          action: 'contentAudit',
          status: audited ? 'FINISHED' : 'NOT_STARTED',
          finishedAt: at,
          _links: { 'http://ns.adobe.com/adobecloud/rel/pipeline/metrics': { href: `/m/${id}` } },
        },
      ],
    },
  };
}

describe('experience audit report filters', () => {
  it('counts the presets back from now, or from the newest run when the API’s clock is ahead', () => {
    expect(presetRange('7d', NOW)).toEqual({ since: NOW - 7 * DAY });
    expect(presetRange('30d', NOW)).toEqual({ since: NOW - 30 * DAY });
    expect(presetRange('6m', NOW)).toEqual({ since: Date.UTC(2026, 4, 28, 9) });
    expect(presetRange('1y', NOW)).toEqual({ since: Date.UTC(2025, 10, 28, 9) });
    expect(rangeAnchor([run('2', -3), run('1', 1)], NOW)).toBe(NOW + 3 * DAY);
    expect(rangeAnchor([run('1', 1)], NOW)).toBe(NOW);
    expect(rangeAnchor([], NOW)).toBe(NOW);
  });

  it('keeps the audited runs started in the range with the trigger asked for, newest first', () => {
    const executions = [run('5', 1), run('4', 3, 'ON_COMMIT'), run('3', 5, 'MANUAL', false), run('2', 9, 'RE_EXECUTE'), run('1', 40)];
    const ids = (runs: ReturnType<typeof reportRuns>) => runs.map((r) => r.execution.id);
    expect(ids(reportRuns(executions, { since: NOW - 30 * DAY }, 'all'))).toEqual(['5', '4', '2']);
    expect(ids(reportRuns(executions, { since: NOW - 365 * DAY }, 'all'))).toEqual(['5', '4', '2', '1']);
    expect(ids(reportRuns(executions, { since: NOW - 365 * DAY }, 'ON_COMMIT'))).toEqual(['4']);
    expect(ids(reportRuns(executions, { since: NOW - 365 * DAY }, 'RE_EXECUTE'))).toEqual(['2']);
    expect(ids(reportRuns(executions, { since: NOW - 10 * DAY, until: NOW - 2 * DAY }, 'all'))).toEqual(['4', '2']);
  });

  it('lists each scanned page once, with its scores in the newest run that has it', () => {
    const [newer, older] = reportRuns([run('2', 1), run('1', 2)], { since: 0 }, 'all');
    const pages = scannedPages([
      { run: newer, results: { pages: [{ path: '/b', mobile: { performance: 90 }, desktop: {} }], failedPages: [] } },
      {
        run: older,
        results: {
          pages: [
            { path: '/b', mobile: { performance: 10 }, desktop: {} },
            { path: '/a', mobile: { performance: 50 }, desktop: {} },
          ],
          failedPages: [],
        },
      },
    ]);
    expect(pages.map((p) => [p.path, p.scores.performance, p.executionId])).toEqual([
      ['/a', 50, '1'],
      ['/b', 90, '2'],
    ]);
  });
});
