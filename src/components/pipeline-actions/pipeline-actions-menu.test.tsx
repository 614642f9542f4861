/**
 * The row `...` menu on the real simulator (seed 1): which items it offers by the pipeline's
 * status (never silently missing: Edit and Delete say why they are disabled while it runs), Delete
 * and Invalidate build cache after a confirmation naming the pipeline, variables read-only while it runs.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setActionsReadOnly } from '../../api/actions';
import { currentSettings, getJson, useSettingsForRequests as applySettingsForRequests } from '../../api/client';
import { findLink, rel } from '../../api/links';
import type { Pipeline } from '../../api/types';
import { dismissToastsAfterEach } from '../../test/fixture-server';
import { renderWithProviders } from '../../test/render';
import { pipelineNamed, pipelinesOf, programNamed, setupSimulatorServer, start } from '../../test/simulator-server';
import { NOT_CHANGEABLE } from '../variables-editor/variables-dialog';
import { NOT_WHILE_RUNNING, PipelineActionsMenu } from './pipeline-actions-menu';
import { PipelineDialogHost } from './pipeline-action-dialogs';

const sim = setupSimulatorServer();
dismissToastsAfterEach();

async function openMenu(pipeline: Pipeline) {
  const user = userEvent.setup();
  renderWithProviders(<PipelineActionsMenu programId={pipeline.programId!} pipeline={pipeline} />);
  await user.click(screen.getByRole('button', { name: `Actions for ${pipeline.name}` }));
  const items = screen.getAllByRole('menuitem');
  return { user, items, item: (name: string) => screen.getByRole('menuitem', { name }) };
}

const names = (items: HTMLElement[]) =>
  items.map((item) => item.getAttribute('aria-label') ?? within(item).getAllByText(/.+/)[0].textContent);

/** The items of an idle pipeline that has run, in order. */
const IDLE_ITEMS = ['Run', 'Edit', 'Delete', 'View/Edit variables', 'Invalidate build cache', 'View last execution', 'Copy as curl'];

describe('pipeline actions menu', () => {
  afterEach(() => applySettingsForRequests({ ...currentSettings(), simUser: '' }));

  it('a Developer: Run, Edit, Delete and Invalidate build cache are unavailable and say which permission they need; variables are view-only', async () => {
    applySettingsForRequests({ ...currentSettings(), simUser: 'C0FFEE1234567890ABCDEF12@AdobeID' });
    const pipeline = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<PipelineActionsMenu programId={pipeline.programId!} pipeline={pipeline} />);
    // the program (with the signed-in user's permissions) is read first
    await waitFor(() =>
      expect(
        queryClient
          .getQueryCache()
          .findAll()
          .some((q) => Array.isArray((q.state.data as { permissions?: unknown })?.permissions)),
      ).toBe(true),
    );
    await user.click(screen.getByRole('button', { name: `Actions for ${pipeline.name}` }));
    expect(names(screen.getAllByRole('menuitem'))).toContain('View variables');
    const run = screen.getByRole('menuitem', { name: 'Run' });
    expect(run).toHaveAttribute('aria-haspopup', 'dialog');
    await user.click(run);
    const help = (await screen.findByText('Permission required')).closest('section') as HTMLElement;
    expect(help).toHaveTextContent(
      'This needs the Pipeline Executions Start permission. Roles that have it: Business Owner, Program Manager or Deployment Manager.',
    );
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByText('Permission required')).not.toBeInTheDocument());
    if (!screen.queryByRole('menu')) await user.click(screen.getByRole('button', { name: `Actions for ${pipeline.name}` }));
    for (const name of ['Edit', 'Delete', 'Invalidate build cache'])
      expect(screen.getByRole('menuitem', { name })).toHaveAttribute('aria-haspopup', 'dialog');
    expect(screen.getByRole('menuitem', { name: 'View last execution' })).not.toHaveAttribute('aria-haspopup');
  });

  it('an idle pipeline that has run: Run, Edit, Delete, variables, build cache, View last execution — all enabled', async () => {
    const { items } = await openMenu(await pipelineNamed('WKND Sites', 'Production Pipeline'));
    expect(names(items)).toEqual(IDLE_ITEMS);
    for (const item of items) expect(item).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('Copy as curl copies the Run request: PUT to the absolute execution href, credentials as variables', async () => {
    const pipeline = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const { user, item } = await openMenu(pipeline);
    await user.click(item('Copy as curl'));
    const dialog = await screen.findByRole('dialog', { name: 'Copy as curl: Production Pipeline' });
    expect(within(dialog).queryByRole('button', { name: 'Get this pipeline' })).toBeInTheDocument();
    const sent = sim.record();
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    expect(await screen.findByText(/Copied the curl command\./)).toBeInTheDocument();
    const command = await navigator.clipboard.readText();
    expect(command).toContain(`curl -X PUT '${new URL(findLink(pipeline, rel.execution)!.href, window.location.href).toString()}'`);
    expect(command).toContain('-H "x-api-key: $CM_API_KEY"');
    expect(command).not.toContain('-d ');
    expect(sent).toEqual([]); // copied, not sent
  });

  it('a pipeline that never ran has no View last execution', async () => {
    const { items } = await openMenu(await pipelineNamed('Acme Intranet', 'Production Pipeline'));
    expect(names(items)).not.toContain('View last execution');
    expect(names(items)).toContain('Edit');
  });

  it('a running pipeline: Cancel; Run, Edit and Delete disabled, Edit and Delete saying why; variables read-only', async () => {
    await start(await pipelineNamed('WKND Sites', 'Production Pipeline'));
    const running = await pipelineNamed('WKND Sites', 'Production Pipeline');
    expect(running.status).toBe('BUSY');
    const { user, items, item } = await openMenu(running);
    expect(names(items)).toEqual(['Run', 'Cancel', ...IDLE_ITEMS.slice(1)]);
    for (const name of ['Run', 'Edit', 'Delete']) expect(item(name)).toHaveAttribute('aria-disabled', 'true');
    for (const name of ['Edit', 'Delete']) expect(item(name)).toHaveAccessibleDescription(NOT_WHILE_RUNNING);
    expect(item('Cancel')).not.toHaveAttribute('aria-disabled', 'true');
    await user.click(item('View/Edit variables'));
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText(/The pipeline is running: its variables can be changed once the run has ended\./),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toBeDisabled();
    expect(within(dialog).queryByRole('button', { name: /Review changes/ })).not.toBeInTheDocument();
  });

  it('Delete asks first, naming the pipeline; Cancel sends nothing, Delete sends DELETE to its self link', async () => {
    const quality = await pipelineNamed('WKND Sites', 'Code Quality');
    const sent = sim.record();
    const { user, item } = await openMenu(quality);
    await user.click(item('Delete'));
    let dialog = await screen.findByRole('alertdialog', { name: 'Delete pipeline' });
    expect(dialog).toHaveTextContent('Delete the pipeline "Code Quality" and all its executions? This cannot be undone.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(sent).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Actions for Code Quality' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Delete pipeline' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Pipeline "Code Quality" deleted.')).toBeInTheDocument();
    expect(sent).toEqual([{ method: 'DELETE', path: findLink(quality, rel.self)!.href, body: undefined }]);
    expect((await pipelinesOf(await programNamed('WKND Sites'))).map((p) => p.name)).not.toContain('Code Quality');
  });

  it('a dialog opened from a row stays open, with what was typed, when the row goes away (a virtualized table, a narrower window)', async () => {
    const production = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const user = userEvent.setup();
    let hideRow = () => {};
    function List() {
      const [shown, setShown] = useState(true);
      hideRow = () => setShown(false);
      return (
        <PipelineDialogHost programId={production.programId!} pipelines={[production]}>
          {shown ? <PipelineActionsMenu programId={production.programId!} pipeline={production} /> : <p>no rows in view</p>}
        </PipelineDialogHost>
      );
    }
    renderWithProviders(<List />);
    await user.click(screen.getByRole('button', { name: 'Actions for Production Pipeline' }));
    await user.click(screen.getByRole('menuitem', { name: 'View/Edit variables' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(await within(dialog).findByRole('textbox', { name: 'Name' }), 'MY_VAR');
    act(() => hideRow());
    expect(screen.getByText('no rows in view')).toBeInTheDocument();
    expect(within(screen.getByRole('dialog')).getByRole('textbox', { name: 'Name' })).toHaveValue('MY_VAR');
  });

  it('Invalidate build cache asks first, then DELETEs the cache link and says so', async () => {
    const production = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const sent = sim.record();
    const { user, item } = await openMenu(production);
    await user.click(item('Invalidate build cache'));
    const dialog = await screen.findByRole('alertdialog', { name: 'Invalidate build cache' });
    expect(dialog).toHaveTextContent('Production Pipeline');
    await user.click(within(dialog).getByRole('button', { name: 'Invalidate' }));
    expect(await screen.findByText(/The build cache of "Production Pipeline" was invalidated/)).toBeInTheDocument();
    expect(sent).toEqual([{ method: 'DELETE', path: findLink(production, rel.cache)!.href, body: undefined }]);
    // still the same pipeline: the cache is not the pipeline
    await expect(getJson(findLink(production, rel.self)!.href)).resolves.toMatchObject({ name: 'Production Pipeline' });
  });
});

describe('pipeline actions menu, read-only (the local proxy started with --read-only)', () => {
  afterEach(() => setActionsReadOnly(false));

  it('offers only View variables (read-only) and View last execution, idle or running', async () => {
    setActionsReadOnly(true);
    const { user, items, item } = await openMenu(await pipelineNamed('WKND Sites', 'Production Pipeline'));
    expect(names(items)).toEqual(['View variables', 'View last execution']);
    await user.click(item('View variables'));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(NOT_CHANGEABLE)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toBeDisabled();
    expect(within(dialog).queryByRole('button', { name: /Review changes/ })).not.toBeInTheDocument();
  });

  it('a running pipeline: no Cancel either', async () => {
    await start(await pipelineNamed('WKND Sites', 'Production Pipeline'));
    setActionsReadOnly(true);
    const { items } = await openMenu(await pipelineNamed('WKND Sites', 'Production Pipeline'));
    expect(names(items)).toEqual(['View variables', 'View last execution']);
  });
});
