import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../api/types';
import { dismissToastsAfterEach } from '../../../test/fixture-server';
import { step } from '../../../test/fixtures/execution-fixtures';
import { setupEmptyServer } from '../../../test/msw-server';
import { renderWithProviders } from '../../../test/render';
import { HoldCodeQuality } from './hold-code-quality';

const server = setupEmptyServer();
dismissToastsAfterEach();

const m = (kpi: string, severity: string, actualValue: string, comparator: string, expectedValue: string, passed: boolean): Metric => ({
  kpi,
  severity,
  actualValue,
  comparator,
  expectedValue,
  passed,
  override: false,
});

/** An important failure on maintainability and coverage; everything else passes but duplicated lines and compatibility. */
const HELD: Metric[] = [
  m('security_rating', 'critical', 'A', 'GTE', 'B', true),
  m('reliability_rating', 'critical', 'B', 'GTE', 'D', true),
  m('sqale_rating', 'important', 'C', 'GTE', 'A', false),
  m('coverage', 'important', '31.7', 'GTE', '50', false),
  m('skipped_tests', 'informational', '0', 'LTE', '1', true),
  m('open_issues', 'informational', '0', 'LTE', '0', true),
  m('duplicated_lines_density', 'informational', '2.4', 'LTE', '1', false),
  m('cloud_service_compatibility', 'informational', '3', 'LTE', '0', false),
];

function serveMetrics(answer: () => Metric[] | Response) {
  const puts: { url: string; body: unknown }[] = [];
  server.use(
    http.get('*/step/:stepId/metrics', () => {
      const metrics = answer();
      return metrics instanceof Response ? metrics : HttpResponse.json({ metrics });
    }),
    http.put('*/step/:stepId/:action', async ({ request }) => {
      puts.push({ url: new URL(request.url).pathname, body: await request.json() });
      return new HttpResponse(null, { status: 202 });
    }),
  );
  return puts;
}

const CATEGORY_NAMES = ['Critical', 'Important', 'Information'];

/** Each section's rows as [condition, value, result], by section ("Critical", "Important", "Information"). */
function rowsOf(dialog: HTMLElement): Record<string, string[][]> {
  const sections: Record<string, string[][]> = {};
  for (const name of CATEGORY_NAMES) {
    const table = within(dialog).queryByRole('grid', { name });
    if (!table) continue;
    sections[name] = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [within(row).getByRole('rowheader'), ...within(row).getAllByRole('gridcell')].map((cell) => cell.textContent ?? ''));
  }
  return sections;
}

/** The result words of every row, sections in order. */
const results = (dialog: HTMLElement) =>
  Object.values(rowsOf(dialog))
    .flat()
    .map((row) => row[2]);

/** Each section's counters ("2 passed", "0 failed"), by section. */
const counters = (dialog: HTMLElement) =>
  Object.fromEntries(
    CATEGORY_NAMES.filter((name) => within(dialog).queryByRole('region', { name })).map((name) => [
      name,
      within(within(dialog).getByRole('region', { name }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ]),
  );

async function openSummary(status: string, links: string[]) {
  const user = userEvent.setup();
  renderWithProviders(<HoldCodeQuality step={step('codeQuality', status, { links })} />);
  await user.click(screen.getByRole('button', { name: 'Review Summary' }));
  const dialog = await screen.findByRole('dialog', { name: 'Code Scanning Results' });
  await within(dialog).findByRole('grid', { name: 'Critical' });
  return { user, dialog };
}

describe('Code Scanning Results (Review Summary)', () => {
  it('lists Critical, Important and Information, each with PASSED / FAILED counters and one row per metric: condition, value, result', async () => {
    serveMetrics(() => HELD);
    const { dialog } = await openSummary('WAITING', ['metrics', 'advance', 'cancel']);
    expect(
      within(dialog)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(CATEGORY_NAMES);
    expect(rowsOf(dialog)).toEqual({
      Critical: [
        ['Security Rating is B or better', 'A', 'Passed'],
        ['Reliability Rating is D or better', 'B', 'Passed'],
      ],
      Important: [
        ['Maintainability Rating is A', 'C', 'Failed'],
        ['Code Coverage is 50% or more', '31.7%', 'Failed'],
      ],
      Information: [
        ['Skipped Unit Tests is 1 or less', '0', 'Passed'],
        ['Open Issues is 0', '0', 'Passed'],
        ['Duplicated Lines is 1% or less', '2.4%', 'Failed'],
        ['Cloud Service Compatibility issues is 0', '3', 'Failed'],
      ],
    });
    expect(within(dialog).getByText('Partially Passed')).toBeInTheDocument();
    expect(counters(dialog)).toEqual({
      Critical: ['2 passed', '0 failed'],
      Important: ['0 passed', '2 failed'],
      Information: ['2 passed', '2 failed'],
    });
  });

  it('Override in the dialog sends the failing important kpis; the rows then read Overridden and the badge Overridden', async () => {
    let overridden = false;
    const puts = serveMetrics(() =>
      overridden ? HELD.map((x) => (x.severity === 'important' && !x.passed ? { ...x, override: true } : x)) : HELD,
    );
    const { user, dialog } = await openSummary('WAITING', ['metrics', 'advance', 'cancel']);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Override' })).toBeEnabled());
    overridden = true;
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: /^Override/ })).getByRole('button', { name: 'Override' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      url: expect.stringMatching(/\/advance$/),
      body: {
        metrics: [
          { kpi: 'sqale_rating', override: true },
          { kpi: 'coverage', override: true },
        ],
      },
    });
    await waitFor(() =>
      expect(results(dialog)).toEqual(['Passed', 'Passed', 'Overridden', 'Overridden', 'Passed', 'Passed', 'Failed', 'Failed']),
    );
    expect(within(dialog).getByText('Overridden', { selector: '.code-quality-verdict *' })).toBeInTheDocument();
    expect(counters(dialog).Important).toEqual(['0 passed', '0 failed', '2 overridden']);
  });

  it('a critical failure reads Failed, and a finished step has no decision buttons', async () => {
    serveMetrics(() => HELD.map((x) => (x.kpi === 'security_rating' ? { ...x, actualValue: '5.0', passed: false } : x)));
    const { dialog } = await openSummary('FAILED', ['metrics']);
    expect(rowsOf(dialog).Critical[0]).toEqual(['Security Rating is B or better', 'E', 'Failed']);
    expect(within(dialog).getByText('Failed', { selector: '.code-quality-verdict *' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Override' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('a failed load says so in place, and Retry loads the rows', async () => {
    let calls = 0;
    serveMetrics(() =>
      ++calls === 1 ? HttpResponse.json({ title: 'Service Unavailable', status: 503, detail: 'Try again later.' }, { status: 503 }) : HELD,
    );
    const user = userEvent.setup();
    renderWithProviders(<HoldCodeQuality step={step('codeQuality', 'FINISHED', { links: ['metrics'] })} />);
    await user.click(screen.getByRole('button', { name: 'Review Summary' }));
    const dialog = await screen.findByRole('dialog', { name: 'Code Scanning Results' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/could not load the code scanning results/i);
    await user.click(within(dialog).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByRole('grid', { name: 'Critical' })).toBeInTheDocument();
    expect(results(dialog)).toHaveLength(8);
  });
});
