import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { StepState } from '../../../api/types';
import { step } from '../../../test/fixtures/execution-fixtures';
import { setupEmptyServer } from '../../../test/msw-server';
import { renderWithProviders } from '../../../test/render';
import { StepItem } from './step-item';

const server = setupEmptyServer();

function logHandlers(file: (request: Request) => Response) {
  const requested: string[] = [];
  server.use(
    http.get('*/logs', ({ request }) => {
      requested.push(new URL(request.url).search);
      return HttpResponse.json({ redirect: `http://files.example.com/log.txt${new URL(request.url).search}` });
    }),
    http.get('http://files.example.com/log.txt', ({ request }) => file(request)),
  );
  return requested;
}

function inList(ui: React.ReactElement) {
  return renderWithProviders(<ol>{ui}</ol>);
}

describe('StepItem logs', () => {
  it('View log opens the log in a dialog, as text with line numbers', async () => {
    const user = userEvent.setup();
    logHandlers(() => HttpResponse.text('[INFO] Scanning for projects...\n[INFO] BUILD SUCCESS\n'));
    inList(<StepItem step={step('build', 'FINISHED', { links: ['logs'] })} executionId="300" />);
    await user.click(screen.getByRole('button', { name: 'View log' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('[INFO] BUILD SUCCESS')).toBeInTheDocument();
    expect(within(dialog).getByRole('region', { name: 'Build & Unit Testing log (2 lines)' })).toBeInTheDocument();
  });

  it('tails a running step: Range from the bytes read, 206 appends, 416 = nothing new', async () => {
    const user = userEvent.setup();
    const ranges: (string | null)[] = [];
    logHandlers((request) => {
      const range = request.headers.get('range');
      ranges.push(range);
      if (!range) return HttpResponse.text('first\nsecond\n');
      if (range === 'bytes=13-') return new HttpResponse('third\n', { status: 206 });
      return new HttpResponse(null, { status: 416 });
    });
    inList(<StepItem step={step('build', 'RUNNING', { links: ['logs'] })} executionId="300" />);
    await user.click(screen.getByRole('button', { name: 'View log' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('second')).toBeInTheDocument();
    expect(await within(dialog).findByText('third', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(dialog).getByRole('switch', { name: 'Follow' })).toBeInTheDocument();
    expect(ranges.slice(0, 2)).toEqual([null, 'bytes=13-']);
  });

  it('Download log saves exactly the log text as <action>-<executionId>.log', async () => {
    const user = userEvent.setup();
    logHandlers(() => HttpResponse.text('exact text\nof the log\n'));
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:log';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    inList(<StepItem step={step('build', 'FINISHED', { links: ['logs'] })} executionId="300" />);
    await user.click(screen.getByRole('button', { name: 'Download log' }));
    await waitFor(() => expect(clicked).toEqual(['build-300.log']));
    expect(await blobs[0].text()).toBe('exact text\nof the log\n');
  });

  it('code scanning offers the SonarQube log through the documented ?file= parameter', async () => {
    const user = userEvent.setup();
    const requested = logHandlers(() => HttpResponse.text('sonar\n'));
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    inList(<StepItem step={step('codeQuality', 'FINISHED', { links: ['logs'] })} executionId="300" />);
    await user.click(screen.getByRole('button', { name: 'Download SonarQube log' }));
    await waitFor(() => expect(requested).toContain('?file=sonarLogFile'));
  });

  it('the production deploy step downloads the build step log', async () => {
    const build = step('build', 'FINISHED', { links: ['logs'] });
    inList(<StepItem step={step('deploy', 'RUNNING', { environmentType: 'prod' })} buildStep={build} executionId="300" />);
    expect(screen.getByRole('button', { name: 'Download build log' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Re-execute' })).not.toBeInTheDocument();
  });

  it('a running schedule step with scheduledFor says when the deployment starts', () => {
    inList(<StepItem step={step('schedule', 'RUNNING', { details: { scheduledFor: '2026-12-01T09:30:00.000Z' } })} />);
    expect(screen.getByText(/^Deployment scheduled for Dec 1, 2026/)).toBeInTheDocument();
    expect(screen.getByText('Scheduled')).toBeInTheDocument();
  });

  it('PULL REQUEST: a build from a pull request links it; other builds have no such row', () => {
    const url = 'https://github.com/acme/wknd/pull/42';
    const { unmount } = inList(<StepItem step={step('build', 'FINISHED', { details: { pullRequestUrl: url } })} executionId="300" />);
    const link = screen.getByRole('link', { name: url });
    expect(link).toHaveAttribute('href', url);
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByText('Pull request')).toBeInTheDocument();
    unmount();
    inList(<StepItem step={step('build', 'FINISHED', { details: { pullRequestUrl: 'javascript:alert(1)' } })} executionId="300" />);
    expect(screen.queryByText('Pull request')).not.toBeInTheDocument();
  });
});

describe('StepItem keeps a keyboard user’s place', () => {
  let showStep: (next: StepState) => void = () => {};
  function Timeline({ first }: { first: StepState }) {
    const [current, setCurrent] = useState(first);
    showStep = setCurrent;
    return (
      <>
        <button type="button">Elsewhere</button>
        <ol>
          <StepItem step={current} executionId="300" />
        </ol>
      </>
    );
  }
  const waiting = step('approval', 'WAITING', { environmentType: 'prod', links: ['advance', 'cancel'] });
  const decided: StepState = { ...waiting, status: 'FINISHED', _links: { self: waiting._links!.self } };

  it('when the focused button leaves with the hold, the step takes the focus, not the start of the page', async () => {
    renderWithProviders(<Timeline first={waiting} />);
    const approve = await screen.findByRole('button', { name: 'Approve' });
    act(() => approve.focus());
    act(() => showStep(decided));
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('listitem'));
  });

  it('focus the user moved elsewhere stays there', async () => {
    renderWithProviders(<Timeline first={waiting} />);
    act(() => screen.getByRole('button', { name: 'Approve' }).focus());
    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    act(() => showStep(decided));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Elsewhere' }));
  });
});
