/** Program Overview on the real simulator (seed 1). WKND Sites has a history; Acme Intranet's production pipeline never ran. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getJson } from '../../api/client';
import { findLink, rel } from '../../api/links';
import type { EnvironmentList, Execution, Program, StepState } from '../../api/types';
import { paths } from '../../lib/paths';
import { executionsOf, pipelineNamed, programNamed, setupSimulatorServer, start } from '../../test/simulator-server';
import { renderWithProviders } from '../../test/render';
import OverviewPage from './overview-page';

const render = (program: Program) => renderWithProviders(<OverviewPage />, { url: `/program/${program.id}`, path: paths.overview.path });

describe('Program Overview', () => {
  const sim = setupSimulatorServer();

  it('offers Deploy when the production pipeline never ran', async () => {
    const acme = await programNamed('Acme Intranet');
    const production = await pipelineNamed('Acme Intranet', 'Production Pipeline');
    expect(await executionsOf(production)).toEqual([]);
    const user = userEvent.setup();
    render(acme);
    expect(await screen.findByRole('heading', { name: 'Deploy your Program' })).toBeInTheDocument();
    const cta = screen.getByRole('region', { name: 'Deployment' });
    expect(within(cta).getByText('Production Pipeline').tagName).toBe('B');
    await user.click(within(cta).getByRole('button', { name: 'Deploy' }));
    expect(await screen.findByTestId('location')).toHaveTextContent(`/program/${acme.id}/pipeline/${production.id}`);
  });

  it('shows the last deployment status with a details link and Deploy', async () => {
    const wknd = await programNamed('WKND Sites');
    const production = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const [newest] = await executionsOf(production);
    expect(newest.status).toBe('FINISHED');
    render(wknd);
    expect(await screen.findByRole('heading', { name: 'Last deployment: Finished' })).toBeInTheDocument();
    const cta = screen.getByRole('region', { name: 'Deployment' });
    expect(within(cta).getByRole('link', { name: 'View details' })).toHaveAttribute(
      'href',
      `/program/${wknd.id}/pipeline/${production.id}/execution/${newest.id}`,
    );
    expect(within(cta).getByRole('button', { name: 'Deploy' })).toBeInTheDocument();
  });

  it('shows a running deployment with a link to it', async () => {
    const wknd = await programNamed('WKND Sites');
    const production = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const running = await start(production);
    render(wknd);
    expect(await screen.findByRole('heading', { name: 'Deployment in progress' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View details' })).toHaveAttribute(
      'href',
      `/program/${wknd.id}/pipeline/${production.id}/execution/${running.id}`,
    );
  });

  it('lists pipelines with type, repository and live status', async () => {
    const wknd = await programNamed('WKND Sites');
    await start(await pipelineNamed('WKND Sites', 'Dev Deployment'));
    const environments = await getJson<EnvironmentList>(findLink(wknd, rel.environments)!.href);
    const prod = environments._embedded!.environments!.find((environment) => environment.type === 'prod')!;
    render(wknd);
    const card = await screen.findByRole('region', { name: 'Pipelines' });
    const rows = await within(card).findAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('Production Pipeline');
    expect(rows[1]).toHaveTextContent('Production');
    await waitFor(() => expect(rows[1]).toHaveTextContent('wknd-site — main'));
    expect(rows[1]).toHaveTextContent('Not running');
    expect(rows[2]).toHaveTextContent('Dev Deployment');
    expect(rows[2]).toHaveTextContent('Non-Production · Deployment');
    expect(rows[2]).toHaveTextContent('wknd-site — develop');
    expect(rows[2]).toHaveTextContent('Running…');
    expect(rows[3]).toHaveTextContent('Non-Production · Code Quality');
    const environmentsCard = screen.getByRole('region', { name: 'Environments' });
    expect(within(environmentsCard).getAllByText('Running')).toHaveLength(3);
    const author = within(environmentsCard).getByRole('link', {
      name: `Author of ${prod.name}: ${findLink(prod, rel.author)!.href} (opens in a new tab)`,
    });
    expect(author).toHaveAttribute('target', '_blank');
  });

  it('Environments card: (i) shows an environment’s details, a row opens its page, Show All the Environments page', async () => {
    const wknd = await programNamed('WKND Sites');
    const environments = (await getJson<EnvironmentList>(findLink(wknd, rel.environments)!.href))._embedded!.environments!;
    const stage = environments.find((environment) => environment.type === 'stage')!;
    const user = userEvent.setup();
    const { router } = render(wknd);
    const card = await screen.findByRole('region', { name: 'Environments' });
    await user.click(await within(card).findByRole('button', { name: `Details of ${stage.name}` }));
    const popover = await screen.findByRole('dialog', { name: stage.name });
    expect(popover).toHaveTextContent('TypeStage');
    expect(popover).toHaveTextContent(`AEM release${stage.aemRelease}`);
    expect(within(popover).getByRole('link', { name: `Developer Console of ${stage.name} (opens in a new tab)` })).toHaveAttribute(
      'href',
      findLink(stage, rel.developerConsole)!.href,
    );
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(card).getByRole('link', { name: 'Show All' })).toHaveAttribute('href', paths.environments.href(wknd.id));
    expect(within(card).getByRole('link', { name: stage.name })).toHaveAttribute('href', paths.environment.href(wknd.id, stage.id));
    await user.click(within(within(card).getByRole('row', { name: new RegExp(stage.name) })).getByText('Running'));
    await waitFor(() => expect(router.state.location.pathname).toBe(paths.environment.href(wknd.id, stage.id)));
  });

  it('runs a pipeline from its menu and opens the new execution', async () => {
    const acme = await programNamed('Acme Intranet');
    const production = await pipelineNamed('Acme Intranet', 'Production Pipeline');
    const user = userEvent.setup();
    render(acme);
    await user.click(await screen.findByRole('button', { name: 'Actions for Production Pipeline' }));
    expect(screen.queryByRole('menuitem', { name: 'View last execution' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Run' }));
    const location = await screen.findByTestId('location');
    const [started] = await executionsOf(production);
    expect(started).toMatchObject({ status: 'RUNNING', trigger: 'MANUAL' });
    expect(location).toHaveTextContent(`/program/${acme.id}/pipeline/${production.id}/execution/${started.id}`);
  });

  it('cancels a running pipeline after confirmation, on the step that offers cancel', async () => {
    const wknd = await programNamed('WKND Sites');
    await sim.control('PUT', 'outcome', { outcome: 'pass' });
    const held = await sim.until(await start(await pipelineNamed('WKND Sites', 'Production Pipeline')), (step: StepState) => {
      return step.action === 'approval' && step.status === 'WAITING';
    });
    const puts: { url: string; body: unknown }[] = [];
    sim.server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PUT') puts.push({ url: new URL(request.url).pathname, body: await request.clone().json() });
    });
    const user = userEvent.setup();
    render(wknd);
    await user.click(await screen.findByRole('button', { name: 'Actions for Production Pipeline' }));
    await user.click(screen.getByRole('menuitem', { name: 'Cancel' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Cancel execution' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel execution' }));
    await waitFor(() => expect(puts).toEqual([{ url: findLink(held.step, rel.cancel)!.href, body: { approved: false } }]));
    const after = await getJson<Execution>(findLink(held.execution, rel.self)!.href);
    expect(after.status).not.toBe('RUNNING');
    expect(after._embedded?.stepStates?.find((step) => step.action === 'approval')?.status).toBe('CANCELLED');
  });

  it('Learn more is an outlined button opening Adobe’s docs in a new tab', async () => {
    render(await programNamed('Acme Intranet'));
    const cta = await screen.findByRole('region', { name: 'Deployment' });
    const learnMore = (await within(cta).findByText('Learn more')).closest('a') as HTMLElement;
    expect(learnMore).toHaveAttribute('data-variant', 'secondary');
    expect(learnMore).toHaveAttribute('data-style', 'outline');
    expect(learnMore).toHaveAttribute('target', '_blank');
    expect(learnMore.getAttribute('href')).toMatch(/^https:\/\/experienceleague\.adobe\.com\//);
  });

  it('Pipelines card footer: + Add (production taken, non-production offered), Show All, Access Repo Info, Learn More', async () => {
    const wknd = await programNamed('WKND Sites');
    const user = userEvent.setup();
    render(wknd);
    const card = await screen.findByRole('region', { name: 'Pipelines' });
    await user.click(await within(card).findByRole('button', { name: 'Add' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: /^Add Production Pipeline/ })).toHaveAttribute('aria-disabled', 'true');
    expect(within(menu).getByRole('menuitem', { name: /^Add Non-Production Pipeline/ })).not.toHaveAttribute('aria-disabled');
    await user.keyboard('{Escape}');
    expect(within(card).getByRole('link', { name: 'Show All' })).toHaveAttribute('href', `/program/${wknd.id}/pipelines`);
    expect(within(card).getByRole('link', { name: /^Learn More/ })).toHaveAttribute('target', '_blank');
    await user.click(await within(card).findByRole('button', { name: 'Access Repo Info' }));
    const dialog = await screen.findByRole('dialog', { name: 'Repository Info' });
    expect((within(dialog).getByRole('textbox', { name: 'Git repository URL' }) as HTMLInputElement).value).toMatch(/^https:\/\/git\./);
  });

  it('Useful Resources: three cards whose Show me. opens Adobe’s docs in a new tab; a floating help button', async () => {
    render(await programNamed('WKND Sites'));
    const resources = await screen.findByRole('region', { name: 'Useful Resources' });
    expect(
      within(resources)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Get up and running on Cloud Manager', 'Understand Custom Code Quality rules', 'Accelerate DevOps with Cloud Manager APIs']);
    const showMe = within(resources).getAllByRole('link', { name: /^Show me\. / });
    expect(showMe).toHaveLength(3);
    for (const link of showMe) expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('link', { name: 'Cloud Manager help (opens in a new tab)' })).toHaveAttribute('target', '_blank');
  });
});
