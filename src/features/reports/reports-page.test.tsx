/**
 * Reports → Experience Audit on the real simulator (seed 1, WKND Sites' production pipeline with
 * runs every other day since October): the runs plotted for each filter — page, date range,
 * trigger — are the ones the API's executions, metrics and per-page artifacts say; the scanned
 * pages table pages and sets the page filter.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { finishedAuditStep } from '../../api/audit-history';
import { getJson } from '../../api/client';
import { findLink, rel } from '../../api/links';
import type { ArtifactList, Execution, Program, Redirect, StepMetrics, StepState } from '../../api/types';
import { parseApiTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { desktopScreen, renderWithProviders } from '../../test/render';
import { executionsOf, pipelineNamed, programNamed, SIM_WALL_CLOCK, setupSimulatorServer } from '../../test/simulator-server';
import ReportsPage from './reports-page';

setupSimulatorServer();
desktopScreen();

const DAY = 24 * 60 * 60 * 1000;
type Scores = Record<string, number>;

let wknd: Program;
let audited: { execution: Execution; step: StepState }[];

beforeAll(() => {
  // "Last …" counts back from now: the simulator's standing clock.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(SIM_WALL_CLOCK);
});
afterAll(() => vi.useRealTimers());

beforeEach(async () => {
  wknd = await programNamed('WKND Sites');
  const executions = await executionsOf(await pipelineNamed('WKND Sites', 'Production Pipeline'));
  audited = executions.flatMap((execution) => {
    const step = finishedAuditStep(execution);
    return step ? [{ execution, step }] : [];
  });
});

const since = (days: number) =>
  audited.filter(({ execution }) => parseApiTime(execution.createdAt)!.getTime() >= SIM_WALL_CLOCK - days * DAY);
const label = (id: string, scores: Scores) =>
  `Execution ${id}: Performance ${scores.performance}, Accessibility ${scores.accessibility}, Best Practices ${scores['best-practices']}, SEO ${scores.seo}`;

async function medianScores(step: StepState): Promise<Scores> {
  const { metrics } = await getJson<StepMetrics>(findLink(step, rel.metrics)!.href);
  return Object.fromEntries(metrics!.map((metric) => [metric.kpi, Number(metric.actualValue)]));
}

async function auditedPages(step: StepState): Promise<{ path: string; mobile: Scores }[]> {
  const list = await getJson<ArtifactList>(findLink(step, rel.artifacts)!.href);
  const artifact = list._embedded!.artifacts!.find((a) => a.type === 'CONTENT_AUDIT_RESULTS')!;
  const { redirect } = await getJson<Redirect>(findLink(artifact, rel.self)!.href);
  return (await getJson<{ pages: { path: string; mobile: Scores }[] }>(redirect)).pages;
}

async function pageScores(step: StepState, path: string): Promise<Scores | undefined> {
  return (await auditedPages(step)).find((page) => page.path === path)?.mobile;
}

/** The chart's points (links), oldest first, by their names. */
async function plotted(): Promise<string[]> {
  const chart = await screen.findByRole('group', { name: /oldest first\. Select a run to open it\.$/ });
  return within(chart)
    .getAllByRole('link')
    .map((link) => link.getAttribute('aria-label') ?? '');
}

async function choose(user: UserEvent, picker: string, option: string) {
  await user.click(screen.getByRole('button', { name: new RegExp(`${picker}$`) }));
  await user.click(await screen.findByRole('option', { name: option }));
}

const render = () => renderWithProviders(<ReportsPage />, { url: paths.reports.href(wknd.id), path: paths.reports.path });

describe('Reports → Experience Audit', () => {
  it('plots the median scores of every audited run of the last year, oldest first, as the API’s metrics say', async () => {
    render();
    const expected = await Promise.all(
      since(366)
        .reverse()
        .map(async ({ execution, step }) => label(execution.id, await medianScores(step))),
    );
    expect(expected.length).toBeGreaterThan(15);
    await waitFor(async () => expect(await plotted()).toEqual(expected));
    expect(
      screen.getByRole('group', {
        name: /^Median scores \(mobile\) of the audited pages in the \d+ runs of Production Pipeline in the last year/,
      }),
    ).toBeInTheDocument();
  });

  it('View and Trigger change the runs plotted: last 7 days, then only re-executions (none), then manual runs', async () => {
    const user = userEvent.setup();
    render();
    await plotted();
    await choose(user, 'View', 'Last 7 days');
    const week = since(7);
    expect(week.length).toBeGreaterThan(0);
    expect(week.length).toBeLessThan(since(30).length);
    const weekIds = week.map(({ execution }) => execution.id).reverse();
    await waitFor(async () => expect((await plotted()).map((name) => /^Execution (\d+)/.exec(name)![1])).toEqual(weekIds));

    await choose(user, 'View', 'Last 30 days');
    await choose(user, 'Trigger', 'Re-execute');
    expect(await screen.findByText('No run of Production Pipeline with an experience audit matches these filters.')).toBeInTheDocument();

    await choose(user, 'Trigger', 'Manual');
    const manual = since(30)
      .filter(({ execution }) => execution.trigger === 'MANUAL')
      .map(({ execution }) => execution.id)
      .reverse();
    await waitFor(async () => expect((await plotted()).map((name) => /^Execution (\d+)/.exec(name)![1])).toEqual(manual));
  });

  it('one page: its scores from each run’s per-page artifact (a simulator extension, said so)', async () => {
    const user = userEvent.setup();
    render();
    await plotted();
    await choose(user, 'View', 'Last 30 days');
    const path = '/us/en/magazine.html';
    await choose(user, 'Page', path);
    expect(screen.getAllByText(/Per-page scores: simulator extension/).length).toBeGreaterThan(0);
    const expected: string[] = [];
    for (const { execution, step } of since(30).reverse()) {
      const scores = await pageScores(step, path);
      if (scores) expected.push(label(execution.id, scores));
    }
    expect(expected.length).toBeGreaterThan(5);
    await waitFor(async () => expect(await plotted()).toEqual(expected));
    expect(screen.getByRole('group', { name: new RegExp(`^Scores \\(mobile\\) of ${path.replace(/\./g, '\\.')} in`) })).toBeInTheDocument();
  });

  it('lists the scanned pages with their latest scores, paged; a row shows that page’s trend', async () => {
    const user = userEvent.setup();
    render();
    await plotted();
    const table = await screen.findByRole('grid', { name: 'Scanned pages' });
    // every page scanned in the year's runs, with its scores in the newest run that has it
    const latest = new Map<string, Scores>();
    for (const { step } of since(366))
      for (const page of await auditedPages(step)) if (!latest.has(page.path)) latest.set(page.path, page.mobile);
    const total = latest.size;
    expect(total).toBeGreaterThan(5);
    const pager = screen.getByRole('navigation', { name: 'Scanned pages, pages' });
    await waitFor(() => expect(pager).toHaveTextContent(`1–${Math.min(10, total)} of ${total}`));
    const home = within(table).getByRole('rowheader', { name: '/' }).closest('[role="row"]');
    expect(home).toHaveTextContent(`/${latest.get('/')!.performance}`);
    await choose(user, 'Pages shown', '5');
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(pager).toHaveTextContent(`1–5 of ${total}`);
    await user.click(within(pager).getByRole('button', { name: 'Next' }));
    expect(within(table).getAllByRole('row')).toHaveLength(1 + Math.min(5, total - 5));
    const [, last] = within(table).getAllByRole('row');
    const lastPath = within(last).getByRole('rowheader').textContent!;
    await user.click(within(last).getByRole('rowheader'));
    await waitFor(() => expect(screen.getByRole('button', { name: /Page$/ })).toHaveTextContent(lastPath));
    expect(
      screen.getByRole('group', { name: new RegExp(`^Scores \\(mobile\\) of ${lastPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} in`) }),
    ).toBeInTheDocument();
  });
});
