/**
 * Add / Edit Pipeline on the real simulator (seed 1): Summit Launch has no pipeline (Setup
 * Pipeline), WKND Sites has three. The bodies the dialog sends, its validation in place, the
 * pre-fill of Edit, and a refusal from the server shown in place with the input kept.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../api/actions';
import { getJson, sendToLink } from '../../api/client';
import { findLink, rel } from '../../api/links';
import { createPipelineBody } from '../../api/pipeline-bodies';
import type { EnvironmentList, PipelineList, Program, RepositoryList } from '../../api/types';
import { paths } from '../../lib/paths';
import { dismissToastsAfterEach } from '../../test/fixture-server';
import { desktopScreen, renderWithProviders } from '../../test/render';
import { pipelineNamed, pipelinesOf, programNamed, setupSimulatorServer } from '../../test/simulator-server';
import { settingsOfPipeline } from '../../domain/pipeline-settings';
import OverviewPage from './overview-page';

const sim = setupSimulatorServer();
dismissToastsAfterEach();
desktopScreen();

const renderOverview = (program: Program) =>
  renderWithProviders(<OverviewPage />, { url: `/program/${program.id}`, path: paths.overview.path });

const dialog = () => screen.getByRole('dialog');
const field = (name: string) => within(dialog()).getByRole('textbox', { name: new RegExp(`^${name}`) });
const tab = (name: string) => within(dialog()).getByRole('tab', { name });
const press = (user: UserEvent, name: string) => user.click(within(dialog()).getByRole('button', { name }));

/**
 * Puts text into a field the way a paste does: one change instead of a key at a time. Each key
 * re-renders the dialog and validates it again: typing took about 5 of this file's 16 s of tests.
 * The field validates what it holds, however it got there; typing is kept where the keys matter
 * (the branch combo box filters as it is typed).
 */
async function fill(user: UserEvent, input: HTMLElement, text: string) {
  await user.click(input);
  await user.paste(text);
}

async function chooseBranch(user: UserEvent, branch: string) {
  const combo = within(dialog()).getByRole('combobox', { name: /^Git Branch/ });
  await waitFor(() => expect(combo).toBeEnabled());
  await user.clear(combo);
  await user.type(combo, branch);
  await user.keyboard('{Escape}');
  return combo;
}

async function environmentsOf(program: Program) {
  return (await getJson<EnvironmentList>(findLink(program, rel.environments)!.href))._embedded!.environments!;
}

describe('Add Production Pipeline (Setup Pipeline)', () => {
  it('sends the configured pipeline and the Overview then offers Deploy', async () => {
    const summit = await programNamed('Summit Launch');
    const environments = await environmentsOf(summit);
    const [repository] = (await getJson<RepositoryList>(findLink(summit, rel.repositories)!.href))._embedded!.repositories!;
    const stage = environments.find((e) => e.type === 'stage')!;
    const sent = sim.record();
    const user = userEvent.setup();
    renderOverview(summit);
    expect(await screen.findByRole('heading', { name: 'From code to production' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Setup Pipeline' }));
    expect(await screen.findByRole('heading', { name: 'Add Production Pipeline' })).toBeInTheDocument();

    await fill(user, field('Pipeline Name'), 'Summit Production');
    await user.click(within(dialog()).getByRole('radio', { name: 'Fail Immediately' }));
    await press(user, 'Continue');
    expect(tab('Source Code')).toHaveAttribute('aria-selected', 'true');
    // the program's only repository is chosen already
    await waitFor(() => expect(within(dialog()).getByRole('button', { name: /summit-site/ })).toBeInTheDocument());
    await chooseBranch(user, 'develop');
    await user.click(within(dialog()).getByRole('checkbox', { name: 'Pause before deploying to Production' }));
    await press(user, 'Continue');
    expect(tab('Experience Audit')).toHaveAttribute('aria-selected', 'true');
    expect(dialog()).toHaveTextContent(`the homepage (${findLink(stage, rel.publish)!.href}/) is audited`);
    for (const page of ['/content/summit/en.html', '/content/summit/fr.html']) {
      await fill(user, field('Page path'), page);
      await press(user, 'Add Page');
    }
    const pages = within(dialog()).getByRole('list', { name: 'Pages to audit' });
    expect(
      within(pages)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      `${findLink(stage, rel.publish)!.href}/content/summit/en.html`,
      `${findLink(stage, rel.publish)!.href}/content/summit/fr.html`,
    ]);
    await press(user, 'Save');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toEqual([
      {
        method: 'POST',
        path: findLink(summit, rel.pipelines)!.href,
        body: {
          name: 'Summit Production',
          trigger: 'MANUAL',
          phases: [
            {
              type: 'BUILD',
              repositoryId: repository.id,
              branch: 'develop',
              steps: [{ name: 'codeQuality', options: { importantMetricFailuresBehavior: 'FAIL' } }],
            },
            {
              type: 'DEPLOY',
              environmentId: stage.id,
              steps: [{ name: 'contentAudit', options: { pages: ['/content/summit/en.html', '/content/summit/fr.html'] } }],
            },
            {
              type: 'DEPLOY',
              environmentId: environments.find((e) => e.type === 'prod')!.id,
              steps: [{ name: 'approval' }, { name: 'deploy' }],
            },
          ],
        },
      },
    ]);
    expect(await screen.findByText('Pipeline "Summit Production" added.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Deploy your Program' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Pipelines' })).getByText('Summit Production')).toBeInTheDocument();
  });

  it('says what is wrong in place, on each field, and sends nothing until it is right', async () => {
    const summit = await programNamed('Summit Launch');
    const sent = sim.record();
    const user = userEvent.setup();
    renderOverview(summit);
    await user.click(await screen.findByRole('button', { name: 'Setup Pipeline' }));
    await screen.findByRole('heading', { name: 'Add Production Pipeline' });

    // Continue with an empty name: the field says so and the tab stays
    await press(user, 'Continue');
    expect(field('Pipeline Name')).toHaveAccessibleDescription(/Enter a pipeline name\./);
    expect(tab('Configuration')).toHaveAttribute('aria-selected', 'true');
    await fill(user, field('Pipeline Name'), 'x'.repeat(65));
    expect(field('Pipeline Name')).toHaveAccessibleDescription(/at most 64 characters/);
    await user.clear(field('Pipeline Name'));
    await fill(user, field('Pipeline Name'), 'Summit Production');
    expect(field('Pipeline Name')).not.toBeInvalid();
    await press(user, 'Continue');

    // a branch the repository does not have
    const combo = await chooseBranch(user, 'feature/nope');
    await waitFor(() => expect(combo).toHaveAccessibleDescription(/There is no branch "feature\/nope" in summit-site\./));
    await chooseBranch(user, 'main');
    await waitFor(() => expect(combo).not.toBeInvalid());
    await press(user, 'Continue');

    // a path without "/", a duplicate page, a 26th page
    await fill(user, field('Page path'), 'content/summit.html');
    await press(user, 'Add Page');
    expect(field('Page path')).toHaveAccessibleDescription(/A page path starts with "\/"\./);
    await user.clear(field('Page path'));
    for (let i = 0; i < 25; i += 1) {
      await fill(user, field('Page path'), `/p${i}`);
      await user.keyboard('{Enter}');
    }
    expect(within(within(dialog()).getByRole('list', { name: 'Pages to audit' })).getAllByRole('listitem')).toHaveLength(25);
    await fill(user, field('Page path'), '/p3');
    await press(user, 'Add Page');
    expect(field('Page path')).toHaveAccessibleDescription(/\/p3 is already in the list\./);
    await user.clear(field('Page path'));
    await fill(user, field('Page path'), '/p25');
    await press(user, 'Add Page');
    expect(field('Page path')).toHaveAccessibleDescription(/At most 25 pages are audited/);
    await user.click(within(dialog()).getByRole('button', { name: 'Remove /p0' }));
    await press(user, 'Add Page');
    expect(within(within(dialog()).getByRole('list', { name: 'Pages to audit' })).getAllByRole('listitem')).toHaveLength(25);

    // Save with a problem on another tab goes there
    await user.click(tab('Configuration'));
    await user.clear(field('Pipeline Name'));
    await user.click(tab('Experience Audit'));
    await press(user, 'Save');
    expect(tab('Configuration')).toHaveAttribute('aria-selected', 'true');
    expect(field('Pipeline Name')).toHaveAccessibleDescription(/Enter a pipeline name\./);
    expect(sent).toEqual([]);
  });
});

describe('Add Non-Production Pipeline', () => {
  it('refuses a duplicate name in place, then adds a deployment pipeline to a dev environment from + Add', async () => {
    const wknd = await programNamed('WKND Sites');
    const dev = (await environmentsOf(wknd)).find((e) => e.type === 'dev')!;
    const sent = sim.record();
    const user = userEvent.setup();
    renderOverview(wknd);
    const card = await screen.findByRole('region', { name: 'Pipelines' });
    await user.click(await within(card).findByRole('button', { name: 'Add' }));
    const production = screen.getByRole('menuitem', { name: 'Add Production Pipeline' });
    expect(production).toHaveAttribute('aria-disabled', 'true');
    expect(production).toHaveAccessibleDescription('The program already has its production pipeline.');
    await user.click(screen.getByRole('menuitem', { name: 'Add Non-Production Pipeline' }));
    await screen.findByRole('heading', { name: 'Add Non-Production Pipeline' });
    await fill(user, field('Pipeline Name'), 'code quality');
    expect(field('Pipeline Name')).toHaveAccessibleDescription(/The program already has a pipeline named "code quality"\./);
    await user.clear(field('Pipeline Name'));
    await fill(user, field('Pipeline Name'), 'Feature Deployment');
    await user.click(within(dialog()).getByRole('radio', { name: 'Deployment Pipeline' }));
    await user.click(within(dialog()).getByRole('radio', { name: 'On Git Changes' }));
    await press(user, 'Continue');
    // the program's only dev environment and repository are chosen already
    await waitFor(() => expect(within(dialog()).getByRole('button', { name: new RegExp(dev.name) })).toBeInTheDocument());
    expect(within(dialog()).queryByRole('checkbox', { name: 'Scheduled' })).not.toBeInTheDocument();
    expect(within(dialog()).queryByRole('tab', { name: 'Experience Audit' })).not.toBeInTheDocument();
    await chooseBranch(user, 'develop');
    await press(user, 'Save');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toEqual([
      {
        method: 'POST',
        path: findLink(wknd, rel.pipelines)!.href,
        body: expect.objectContaining({ name: 'Feature Deployment', trigger: 'ON_COMMIT' }),
      },
    ]);
    expect((sent[0].body as { phases: unknown[] }).phases[1]).toEqual({ type: 'DEPLOY', environmentId: dev.id });
    const added = (await pipelinesOf(wknd)).find((p) => p.name === 'Feature Deployment')!;
    expect(added.phases.find((p) => p.type === 'DEPLOY')).toMatchObject({ environmentType: 'dev', environmentId: dev.id });
  });

  it('shows the server’s refusal in place and keeps what the user typed', async () => {
    const wknd = await programNamed('WKND Sites');
    const user = userEvent.setup();
    renderOverview(wknd);
    const card = await screen.findByRole('region', { name: 'Pipelines' });
    await user.click(await within(card).findByRole('button', { name: 'Add' }));
    await user.click(screen.getByRole('menuitem', { name: 'Add Non-Production Pipeline' }));
    await screen.findByRole('heading', { name: 'Add Non-Production Pipeline' });
    await fill(user, field('Pipeline Name'), 'Nightly Quality');
    await press(user, 'Continue');
    await chooseBranch(user, 'main');
    // Meanwhile someone else adds a pipeline with that name.
    const list = await getJson<PipelineList>(findLink(wknd, rel.pipelines)!.href);
    const rival = createPipeline(
      list,
      createPipelineBody({ ...settingsOfPipeline(await pipelineNamed('WKND Sites', 'Code Quality')), name: 'Nightly Quality' }),
    );
    await sendToLink(rival.link, 'POST', rival.body);
    await press(user, 'Save');
    const alert = await within(dialog()).findByRole('alert');
    expect(alert).toHaveTextContent('The pipeline was not added');
    expect(within(alert).getByRole('list', { name: 'Problems' })).toHaveTextContent(
      'name: the program already has a pipeline named "Nightly Quality"',
    );
    expect(combo()).toHaveValue('main');
    await user.click(tab('Configuration'));
    expect(field('Pipeline Name')).toHaveValue('Nightly Quality');
  });
});

const combo = () => within(dialog()).getByRole('combobox', { name: /^Git Branch/ });

describe('Edit Production Pipeline', () => {
  it('is pre-filled from the pipeline and sends a PATCH of its self link with the changes', async () => {
    const wknd = await programNamed('WKND Sites');
    const production = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const sent = sim.record();
    const user = userEvent.setup();
    renderOverview(wknd);
    await user.click(await screen.findByRole('button', { name: 'Actions for Production Pipeline' }));
    await user.click(screen.getByRole('menuitem', { name: 'Edit' }));
    await screen.findByRole('heading', { name: 'Edit Production Pipeline' });
    expect(field('Pipeline Name')).toHaveValue('Production Pipeline');
    expect(within(dialog()).getByRole('radio', { name: 'Manual' })).toBeChecked();
    expect(within(dialog()).getByRole('radio', { name: 'Ask every time' })).toBeChecked();
    await user.click(tab('Source Code'));
    await waitFor(() => expect(combo()).toHaveValue('main'));
    expect(within(dialog()).getByRole('checkbox', { name: 'Pause before deploying to Production' })).toBeChecked();
    expect(within(dialog()).getByRole('checkbox', { name: 'Scheduled' })).toBeChecked();
    await chooseBranch(user, 'release/2026.11');
    await user.click(within(dialog()).getByRole('checkbox', { name: 'Scheduled' }));
    await user.click(tab('Experience Audit'));
    const pages = production.phases.flatMap((p) => p.steps ?? []).find((s) => s.name === 'contentAudit')!.options!.pages as string[];
    expect(within(within(dialog()).getByRole('list', { name: 'Pages to audit' })).getAllByRole('listitem')).toHaveLength(pages.length);
    // Copy as curl: the PATCH this Update sends, with the form's body; nothing sent by copying
    await press(user, 'Copy as curl: Update');
    await user.click(screen.getByRole('menuitem', { name: 'Update this pipeline' }));
    await waitFor(async () => expect(await navigator.clipboard.readText()).toMatch(/^curl -X PATCH /));
    expect(await navigator.clipboard.readText()).toContain('"branch":"release/2026.11"');
    expect(sent).toEqual([]);
    await press(user, 'Update');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'PATCH', path: findLink(production, rel.self)!.href });
    const body = sent[0].body as { name: string; phases: { type: string; branch?: string; steps?: { name: string }[] }[] };
    expect(body.name).toBe('Production Pipeline');
    expect(body.phases[0]).toMatchObject({ type: 'BUILD', branch: 'release/2026.11' });
    expect(body.phases[1].steps).toEqual([{ name: 'contentAudit', options: { pages } }]);
    expect(body.phases[2].steps).toEqual([{ name: 'approval' }, { name: 'deploy' }]);
    expect(await screen.findByText('Pipeline "Production Pipeline" updated.')).toBeInTheDocument();
    const after = await pipelineNamed('WKND Sites', 'Production Pipeline');
    expect(after.phases.find((p) => p.type === 'BUILD')?.branch).toBe('release/2026.11');
  });
});
