import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { artifactHandlers } from '../../../test/fixtures/artifact-fixtures';
import { step } from '../../../test/fixtures/execution-fixtures';
import { setupEmptyServer } from '../../../test/msw-server';
import { renderWithProviders } from '../../../test/render';
import { StepScanIssuesDownload } from './step-scan-issues-download';
import { catchSaves, type SavedFile } from '../../../test/saved-files';

const server = setupEmptyServer();

const CSV =
  'Creation Date,File Location,Project File Location,Line Number,Message,Type,Severity,Effort,Rule,Tags,Documentation\r\n2026-11-01T10:00:00Z,"com.wknd:core:src/A.java",core/src/A.java,12,"Define a constant, ""x"" 3 times.",Code Smell,Critical,10min,java:S1192,design,https://rules.sonarsource.com/java/RSPEC-1192\r\n';

describe('Download Details (code scanning issues)', () => {
  let saved: SavedFile[];
  beforeEach(() => {
    saved = catchSaves();
  });

  it('saves exactly the SCAN_ISSUES artifact as code-quality-issues-<executionId>.csv, through the HAL links', async () => {
    const user = userEvent.setup();
    const { handlers } = artifactHandlers({ SCAN_ISSUES: () => HttpResponse.text(CSV, { headers: { 'content-type': 'text/csv' } }) });
    server.use(...handlers);
    renderWithProviders(<StepScanIssuesDownload step={step('codeQuality', 'WAITING', { links: ['artifacts'] })} />);
    await user.click(await screen.findByRole('button', { name: 'Download Details' }));
    await waitFor(() => expect(saved.map((s) => s.filename)).toEqual(['code-quality-issues-300.csv']));
    expect(await saved[0].blob.text()).toBe(CSV);
    expect(saved[0].blob.type).toBe('text/csv;charset=utf-8');
  });

  it('is not offered without the artifacts link, nor when the list holds no SCAN_ISSUES artifact', async () => {
    const { handlers, requested } = artifactHandlers({ UI_TEST_RESULTS: () => HttpResponse.json({}) });
    server.use(...handlers);
    const { unmount } = renderWithProviders(<StepScanIssuesDownload step={step('codeQuality', 'RUNNING')} />);
    expect(screen.queryByRole('button', { name: 'Download Details' })).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<StepScanIssuesDownload step={step('codeQuality', 'FINISHED', { links: ['artifacts'] })} />);
    await waitFor(() => expect(requested).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Download Details' })).not.toBeInTheDocument();
  });

  it('a failed download is said in place, as text, and Retry saves the file', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const { handlers } = artifactHandlers({
      SCAN_ISSUES: () =>
        ++calls === 1
          ? HttpResponse.json({ title: 'Service Unavailable', status: 503, detail: '<b>Try again</b> later.' }, { status: 503 })
          : HttpResponse.text(CSV),
    });
    server.use(...handlers);
    renderWithProviders(<StepScanIssuesDownload step={step('codeQuality', 'FINISHED', { links: ['artifacts'] })} />);
    await user.click(await screen.findByRole('button', { name: 'Download Details' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Could not download the code scanning issues: /);
    expect(alert.querySelector('b')).toBeNull();
    expect(saved).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Retry: Download Details' }));
    await waitFor(() => expect(saved.map((s) => s.filename)).toEqual(['code-quality-issues-300.csv']));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
