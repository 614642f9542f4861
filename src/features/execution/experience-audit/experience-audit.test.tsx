import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupFixtureServer, world } from '../../../test/fixture-server';
import { executionPage } from '../../../test/fixtures/hal';
import { pipeline, step } from '../../../test/fixtures/execution-fixtures';
import { renderWithProviders } from '../../../test/render';
import { ExecutionContext } from '../execution-context';
import { auditHandlers, auditRun, renderAudit } from '../../../test/audit-test-world';
import { ExperienceAudit } from './experience-audit';

const tile = async (name: string) => {
  const tiles = await screen.findByRole('list', { name: 'Median scores' });
  return within(tiles)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.startsWith(name)) as HTMLElement;
};

describe('ExperienceAudit tiles', () => {
  const server = setupFixtureServer();
  beforeEach(() => server.use(...auditHandlers()));

  it("shows this run's median scores with their band and the change from the newest earlier run that has scores", async () => {
    renderAudit([
      auditRun('300', { scores: { performance: 70, accessibility: 95, 'best-practices': 88, seo: 45, pwa: 30 } }),
      auditRun('299', null), // failed before its audit: skipped
      auditRun('298', { status: 'FAILED', scores: { performance: 10 } }), // the audit itself failed: skipped
      auditRun('297', { scores: { performance: 78, accessibility: 90, 'best-practices': 88 } }),
      auditRun('296', { scores: { performance: 20, accessibility: 20, 'best-practices': 20, seo: 20 } }),
    ]);
    expect(await tile('Performance')).toHaveTextContent(/^Performance70Needs improvement−8down 8 from the previous run$/);
    expect(await tile('Accessibility')).toHaveTextContent(/^Accessibility95Good\+5up 5 from the previous run$/);
    expect(await tile('Best Practices')).toHaveTextContent(/^Best Practices88Needs improvementNo Changeno change from the previous run$/);
    expect(await tile('SEO')).toHaveTextContent(/^SEO45PoorN\/Ano earlier score to compare with$/);
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(screen.queryByText(/PWA/)).not.toBeInTheDocument();
    expect(screen.getByText('Median scores of 0 audited pages (mobile)')).toBeInTheDocument();
  });

  it('says N/A for every category on the first audited run of a pipeline', async () => {
    renderAudit([
      auditRun('300', { scores: { performance: 91, accessibility: 100, 'best-practices': 50, seo: 49 } }),
      auditRun('299', null),
    ]);
    for (const name of ['Performance', 'Accessibility', 'Best Practices', 'SEO']) expect(await tile(name)).toHaveTextContent(/N\/A/);
    expect(await tile('Performance')).toHaveTextContent('Good');
    expect(await tile('Best Practices')).toHaveTextContent('Needs improvement');
    expect(await tile('SEO')).toHaveTextContent('Poor');
  });

  it('lists the pages that could not be audited, with their reasons, behind an expandable section', async () => {
    const user = userEvent.setup();
    renderAudit([
      auditRun('300', {
        scores: { performance: 80 },
        pages: [{ path: '/', mobile: { performance: 80 }, desktop: { performance: 95 } }],
        failedPages: [
          { path: '/secret', reason: 'The page redirects to an authentication other than basic' },
          { path: '/<b>gone</b>', reason: 'The page does not exist' },
        ],
      }),
    ]);
    const toggle = await screen.findByRole('button', { name: '2 pages could not be audited' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(screen.getByText('/secret')).toBeVisible();
    expect(screen.getByText('The page redirects to an authentication other than basic')).toBeVisible();
    // untrusted text stays text
    expect(screen.getByText('/<b>gone</b>')).toBeVisible();
    expect(screen.getByText('Median scores of 1 audited page (mobile)')).toBeInTheDocument();
  });

  it('claims no change when the earlier runs cannot be read, and offers to retry', async () => {
    const user = userEvent.setup();
    let failing = true;
    server.use(
      http.get('*/api/program/:programId/pipeline/:pipelineId/executions', ({ params, request }) => {
        if (failing) return HttpResponse.json({ title: 'Service Unavailable', status: 503 }, { status: 503 });
        const url = new URL(request.url);
        return HttpResponse.json(
          executionPage(
            '1',
            String(params.pipelineId),
            world.executionsByPipeline[String(params.pipelineId)] ?? [],
            Number(url.searchParams.get('start') ?? 0),
            21,
          ),
        );
      }),
    );
    renderAudit([auditRun('300', { scores: { performance: 70 } }), auditRun('299', { scores: { performance: 75 } })]);
    expect(await screen.findByText("Could not read the previous run's scores, so no change is shown.")).toBeInTheDocument();
    expect(await tile('Performance')).toHaveTextContent(/^Performance70Needs improvement$/);
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(async () => expect(await tile('Performance')).toHaveTextContent('−5'));
  });

  it('waits for the audit to finish before reading anything, and shows no scores for a failed audit', () => {
    const failed = renderWithProviders(
      <ExecutionContext.Provider value={{ pipeline, executionId: '300' }}>
        <ExperienceAudit step={step('contentAudit', 'FAILED', { links: ['metrics', 'artifacts'] })} />
      </ExecutionContext.Provider>,
    );
    expect(screen.queryByText(/Median scores|The scores appear/)).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    failed.unmount();
    renderWithProviders(
      <ExecutionContext.Provider value={{ pipeline, executionId: '300' }}>
        <ExperienceAudit step={step('contentAudit', 'RUNNING', { links: ['metrics'] })} />
      </ExecutionContext.Provider>,
    );
    expect(screen.getByText('The scores appear here when the audit has finished.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
