import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { artifactHandlers } from '../../../test/fixtures/artifact-fixtures';
import { step } from '../../../test/fixtures/execution-fixtures';
import { setupEmptyServer } from '../../../test/msw-server';
import { renderWithProviders } from '../../../test/render';
import { StepItem } from '../timeline/step-item';

const server = setupEmptyServer();

const FAILED = {
  format: 'cloud-manager-simulator/test-results@1',
  passed: 9,
  failed: 2,
  skipped: 1,
  tests: [
    { name: 'testHomePage', className: 'it.tests.PublishPageValidationIT', status: 'passed', durationMs: 812 },
    {
      name: 'testAdventuresPage',
      className: 'it.tests.PublishPageValidationIT',
      status: 'failed',
      durationMs: 1200,
      message: 'java.lang.AssertionError: expected:<200> but was:<404> for GET /content/wknd/us/en/adventures.html',
    },
    {
      name: 'testSubmitContactForm',
      className: 'it.tests.ContactFormIT',
      status: 'failed',
      durationMs: 900,
      message: '<img src=x onerror=alert(1)> Expected HTTP 200 but got 500',
    },
    { name: 'testSitemapXml', className: 'it.tests.SitemapIT', status: 'skipped', durationMs: 0 },
  ],
};

function serve(results: object) {
  const served = artifactHandlers({ UI_TEST_RESULTS: () => HttpResponse.json(results) });
  server.use(...served.handlers);
  return served.requested;
}

/** A test step in the step list, as the execution page shows it. */
function show(action: string, status: string, links: string[] = ['artifacts']) {
  renderWithProviders(
    <ol>
      <StepItem step={step(action, status, { links })} executionId="300" />
    </ol>,
  );
  return screen.getByRole('listitem');
}

describe('test step results', () => {
  it('a failed step says the counts in words and lists each failing test with its message, as text', async () => {
    serve(FAILED);
    const item = show('functionalTest', 'FAILED');
    expect(await within(item).findByText('Tests: 9 passed, 2 failed, 1 skipped')).toBeInTheDocument();
    const list = within(item).getByRole('list', { name: 'Failing tests' });
    const entries = within(list)
      .getAllByRole('listitem')
      .map((li) => [li.querySelector('.failing-test__name')?.textContent, li.querySelector('.failing-test__message')?.textContent]);
    expect(entries).toEqual([
      [
        'it.tests.PublishPageValidationIT › testAdventuresPage',
        'java.lang.AssertionError: expected:<200> but was:<404> for GET /content/wknd/us/en/adventures.html',
      ],
      ['it.tests.ContactFormIT › testSubmitContactForm', '<img src=x onerror=alert(1)> Expected HTTP 200 but got 500'],
    ]);
    expect(item.querySelector('img')).toBeNull();
    expect(within(item).queryByText('testHomePage', { exact: false })).not.toBeInTheDocument();
  });

  it('the failing tests fold away under their disclosure', async () => {
    const user = userEvent.setup();
    serve(FAILED);
    const item = show('uiTest', 'FAILED');
    const toggle = await within(item).findByRole('button', { name: 'Failing tests (2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(item).queryByText(/testAdventuresPage/)).not.toBeVisible();
  });

  it('a passed step shows its counts and no failing tests', async () => {
    serve({ ...FAILED, passed: 12, failed: 0, skipped: 0, tests: FAILED.tests.filter((t) => t.status === 'passed') });
    const item = show('productTest', 'FINISHED');
    expect(await within(item).findByText('Tests: 12 passed, 0 failed, 0 skipped')).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: /Failing tests/ })).not.toBeInTheDocument();
  });

  it('an INCOMPLETE step reads "No tests" neutrally, without reading any results', async () => {
    const requested = serve(FAILED);
    const item = show('uiTest', 'INCOMPLETE');
    expect(within(item).getByText('No tests')).toBeInTheDocument();
    expect(within(item).getByText('No tests were run.')).toBeInTheDocument();
    expect(within(item).queryByText(/failed/i)).not.toBeInTheDocument();
    expect(item).not.toHaveClass('step-item--negative');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requested).toEqual([]);
  });

  it('a finished step whose results hold no test says no tests were run', async () => {
    serve({ format: 'cloud-manager-simulator/test-results@1', passed: 0, failed: 0, skipped: 0, tests: [] });
    const item = show('functionalTest', 'FINISHED');
    expect(await within(item).findByText('No tests were run.')).toBeInTheDocument();
    expect(within(item).queryByText(/0 failed/)).not.toBeInTheDocument();
  });

  it('a running step reads nothing yet (its results come when it ends)', async () => {
    const requested = serve(FAILED);
    const item = show('functionalTest', 'RUNNING', []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requested).toEqual([]);
    expect(within(item).queryByText(/passed,/)).not.toBeInTheDocument();
  });

  it('a failed load is said in place with Retry, which loads the results', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const { handlers } = artifactHandlers({
      UI_TEST_RESULTS: () => (++calls === 1 ? HttpResponse.text('not json') : HttpResponse.json(FAILED)),
    });
    server.use(...handlers);
    const item = show('functionalTest', 'FAILED');
    expect(await within(item).findByRole('alert')).toHaveTextContent(/Could not load the test results/);
    await user.click(within(item).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(item).getByText('Tests: 9 passed, 2 failed, 1 skipped')).toBeInTheDocument());
  });
});
