/**
 * The bell and Waiting for me against the real simulator (seed 1): a production run held for
 * approval concerns a Deployment Manager, not a Developer; read state survives a new page; a run
 * that ended (from the simulator's journal) is listed too.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approve, rejectApproval } from '../../api/actions';
import { currentSettings, putLink, useSettingsForRequests as applySettingsForRequests } from '../../api/client';
import { LIST_POLL_MS } from '../../api/polling';
import type { StepState } from '../../api/types';
import { paths } from '../../lib/paths';
import { fakePollTimers } from '../../test/poll-clock';
import { renderWithProviders } from '../../test/render';
import { pipelineNamed, setupSimulatorServer, start } from '../../test/simulator-server';
import { NotificationBell } from './notification-bell';
import WaitingPage from './waiting-page';

const SAM = 'C0FFEE1234567890ABCDEF12@AdobeID';
const signInAs = (id: string) => applySettingsForRequests({ ...currentSettings(), simUser: id });

describe('Notifications', () => {
  const sim = setupSimulatorServer();
  beforeEach(() => localStorage.clear());
  afterEach(() => signInAs(''));

  async function heldApproval() {
    await sim.control('PUT', 'outcome', { outcome: 'pass' });
    const run = await start(await pipelineNamed('WKND Sites', 'Production Pipeline'));
    return sim.until(run, (step: StepState) => step.action === 'approval' && step.status === 'WAITING');
  }

  it('the bell counts a waiting approval for a Deployment Manager; Mark all as read survives a new page', async () => {
    const held = await heldApproval();
    const user = userEvent.setup();
    const first = renderWithProviders(<NotificationBell />);
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(bell).toHaveTextContent('1');
    await user.click(bell);
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    const link = within(panel).getByRole('link', { name: 'Unread: Application for Approval waiting for you: Production Pipeline' });
    expect(link).toHaveAttribute('href', paths.execution.href(held.execution.programId!, held.execution.pipelineId!, held.execution.id));
    expect(panel).toHaveTextContent(/WKND Sites · expires on Dec \d+, 2026/);
    await user.click(within(panel).getByRole('button', { name: 'Mark all as read' }));
    expect(panel).toHaveTextContent('All read');
    expect(within(panel).getByRole('link', { name: 'Application for Approval waiting for you: Production Pipeline' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
    first.unmount();
    renderWithProviders(<NotificationBell />);
    // read state is kept: a new page (same storage) still has nothing unread once the data is in
    await screen.findByRole('button', { name: 'Notifications, none unread' });
    await waitFor(() => expect(JSON.parse(localStorage.getItem('cm-console.notifications-read') ?? '[]')).toHaveLength(1));
  });

  it('following a link in the panel goes there and closes it: an item (marked read), then Waiting for me', async () => {
    const held = await heldApproval();
    const user = userEvent.setup();
    const { router } = renderWithProviders(<NotificationBell />);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    let panel = await screen.findByRole('dialog', { name: 'Notifications' });
    await user.click(within(panel).getByRole('link', { name: /^Unread: Application for Approval waiting for you/ }));
    expect(router.state.location.pathname).toBe(
      paths.execution.href(held.execution.programId!, held.execution.pipelineId!, held.execution.id),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Notifications, none unread' }));
    panel = await screen.findByRole('dialog', { name: 'Notifications' });
    await user.click(within(panel).getByRole('link', { name: 'Waiting for me' }));
    expect(router.state.location.pathname).toBe(paths.waiting.href());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('on the simulator the journal says when to read again: a hold appears, and drops out when decided elsewhere', async () => {
    const nextPoll = fakePollTimers(); // the bell reads the journal every LIST_POLL_MS
    renderWithProviders(<NotificationBell />);
    await screen.findByRole('button', { name: 'Notifications, none unread' });
    const held = await heldApproval(); // another tab (the API directly): the bell learns it from the journal
    await nextPoll(LIST_POLL_MS);
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await putLink(approve(held.step).link, approve(held.step).body);
    await nextPoll(LIST_POLL_MS);
    await screen.findByRole('button', { name: 'Notifications, none unread' });
  });

  it('a Developer is not told about an approval they may not give', async () => {
    await heldApproval();
    signInAs(SAM);
    renderWithProviders(<WaitingPage />, { url: paths.waiting.href(), path: paths.waiting.path });
    expect(await screen.findByText('No step is waiting for a decision you may make.')).toBeInTheDocument();
    renderWithProviders(<NotificationBell />);
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
  });

  it('Waiting for me lists the waiting step with program, pipeline, since, expiry and a link to the execution', async () => {
    const held = await heldApproval();
    renderWithProviders(<WaitingPage />, { url: paths.waiting.href(), path: paths.waiting.path });
    const table = await screen.findByRole('grid', { name: 'Steps waiting for my decision' });
    const rows = await waitFor(() => {
      const found = within(table).getAllByRole('row').slice(1);
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Application for Approval');
    expect(rows[0]).toHaveTextContent('WKND Sites');
    expect(rows[0]).toHaveTextContent('Production Pipeline');
    const link = within(rows[0]).getByRole('link', { name: `Open execution ${held.execution.id}` });
    expect(link).toHaveAttribute('href', paths.execution.href(held.execution.programId!, held.execution.pipelineId!, held.execution.id));
  });

  it('a run that ended is listed (from the journal) and the decision no longer is', async () => {
    const held = await heldApproval();
    await putLink(rejectApproval(held.step).link, rejectApproval(held.step).body);
    await sim.until(held.execution, () => false);
    const user = userEvent.setup();
    renderWithProviders(<NotificationBell />);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(within(panel).getByRole('link', { name: 'Unread: Production Pipeline: Cancelled' })).toHaveAttribute(
      'href',
      paths.execution.href(held.execution.programId!, held.execution.pipelineId!, held.execution.id),
    );
    expect(within(panel).queryByText(/waiting for you/)).not.toBeInTheDocument();
  });
});
