/**
 * Environments on the real simulator (seed 1, WKND Sites): the list, an environment's page (details,
 * Developer Console), its logs (a day downloaded gunzipped, today's followed as it grows, errors in
 * place), and its variables (the Service column, updating until applied, a 409 said in place).
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { getJson, resolveHref, sendToLink } from '../../api/client';
import { environmentLogsHref } from '../../api/environment-logs';
import { findLink, rel } from '../../api/links';
import type { Environment, EnvironmentList, EnvironmentLogs, Program, Redirect, VariableList } from '../../api/types';
import { paths } from '../../lib/paths';
import { dismissToastsAfterEach } from '../../test/fixture-server';
import { desktopScreen, renderWithProviders } from '../../test/render';
import { programNamed, setupSimulatorServer } from '../../test/simulator-server';
import EnvironmentPage from './environment-page';
import EnvironmentsPage from './environments-page';
import { catchSaves } from '../../test/saved-files';

const sim = setupSimulatorServer();
dismissToastsAfterEach();
desktopScreen();

let wknd: Program;
let environments: Environment[];
const byType = (type: string) => environments.find((environment) => environment.type === type)!;

beforeEach(async () => {
  wknd = await programNamed('WKND Sites');
  environments = (await getJson<EnvironmentList>(findLink(wknd, rel.environments)!.href))._embedded!.environments!;
});

const openEnvironment = (environment: Environment) =>
  renderWithProviders(<EnvironmentPage />, {
    url: paths.environment.href(wknd.id, environment.id),
    path: paths.environment.path,
  });

async function choose(user: UserEvent, picker: string, option: string | RegExp) {
  await user.click(screen.getByRole('button', { name: new RegExp(`${picker}$`) }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('Environments page', () => {
  it('lists every environment with type, status word, AEM release, region and its service URLs in new tabs', async () => {
    renderWithProviders(<EnvironmentsPage />, { url: paths.environments.href(wknd.id), path: paths.environments.path });
    const table = await screen.findByRole('table', { name: 'Environments' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    for (const [index, environment] of environments.entries()) {
      const row = rows[index];
      expect(within(row).getByRole('link', { name: environment.name })).toHaveAttribute(
        'href',
        paths.environment.href(wknd.id, environment.id),
      );
      expect(row).toHaveTextContent('Running');
      expect(row).toHaveTextContent(environment.aemRelease!);
      expect(row).toHaveTextContent(environment.region!);
      const author = within(row).getByRole('link', { name: `Author of ${environment.name} (opens in a new tab)` });
      expect(author).toHaveAttribute('href', findLink(environment, rel.author)!.href);
      expect(author).toHaveAttribute('target', '_blank');
      const preview = within(row).queryByRole('link', { name: /^Preview of/ });
      if (findLink(environment, rel.preview)) expect(preview).toHaveAttribute('href', findLink(environment, rel.preview)!.href);
      else expect(preview).toBeNull();
    }
    expect(within(rows[0]).getByText('Development')).toBeInTheDocument();
    expect(within(rows[1]).queryByRole('link', { name: /^Preview of/ })).toBeNull(); // stage never has preview
  });
});

describe('Environment page', () => {
  it('shows the details and a Developer Console button opening in a new tab', async () => {
    const stage = byType('stage');
    openEnvironment(stage);
    expect(await screen.findByRole('heading', { level: 1, name: stage.name })).toBeInTheDocument();
    const details = screen.getByRole('region', { name: 'Details' });
    expect(details).toHaveTextContent('Stage');
    expect(details).toHaveTextContent(stage.aemRelease!);
    const console = screen.getByRole('button', { name: 'Developer Console (opens in a new tab)' });
    expect(console).toHaveAttribute('href', findLink(stage, rel.developerConsole)!.href);
    expect(console).toHaveAttribute('target', '_blank');
  });

  it('downloads the chosen day of a log, gunzipped: exactly the bytes the API serves', async () => {
    const saved = catchSaves();
    const user = userEvent.setup();
    const stage = byType('stage');
    openEnvironment(stage);
    await screen.findByRole('region', { name: 'Logs' });
    await choose(user, 'Service', 'Publish');
    await choose(user, 'Log', 'aemrequest');
    await waitFor(() => expect(screen.getByRole('button', { name: /Day$/ })).toHaveTextContent('2026-11-28 (today, UTC)'));
    await choose(user, 'Day', '2026-11-26');
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(saved.map((file) => file.filename)).toEqual(['publish-aemrequest-2026-11-26.log']));

    const list = await getJson<EnvironmentLogs>(environmentLogsHref(stage, { service: 'publish', name: 'aemrequest' }, 7)!);
    const day = list._embedded!.downloads!.find((d) => d.date === '2026-11-26')!;
    const { redirect } = await getJson<Redirect>(findLink(day, rel.logsDownload)!.href);
    const gzip = Buffer.from(await (await fetch(resolveHref(redirect))).arrayBuffer());
    const text = await saved[0].blob.text();
    expect(text).toBe(gunzipSync(gzip).toString('utf8'));
    expect(text).toMatch(/^26\/Nov\/2026:\d\d:\d\d:\d\d \+0000 \[\d+\] -> GET /);
  });

  it('follows today’s log: the day so far, then the lines written since, as text', async () => {
    const user = userEvent.setup();
    const stage = byType('stage');
    openEnvironment(stage);
    await screen.findByRole('region', { name: 'Logs' });
    await user.click(screen.getByRole('button', { name: 'Follow' }));
    expect(screen.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
    const viewer = await screen.findByRole('region', { name: /^Author aemerror log, followed \(\d+ lines\)$/ });
    expect(screen.getByRole('status')).toHaveTextContent('Following Author aemerror of 2026-11-28 (UTC)');
    const lines = (name: string | null) => Number(/\((\d+) lines\)/.exec(name ?? '')?.[1]);
    const before = lines(viewer.getAttribute('aria-label'));
    expect(before).toBeGreaterThan(10);

    await sim.advance(30 * 60_000);
    await waitFor(() => expect(lines(viewer.getAttribute('aria-label'))).toBeGreaterThan(before), { timeout: 6000 });
    expect(screen.getByRole('switch', { name: 'Keep newest line in view' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Follow' }));
    expect(screen.queryByRole('region', { name: /followed/ })).not.toBeInTheDocument();
  });

  it('says in place when the API refuses the log, with Retry', async () => {
    const user = userEvent.setup();
    const stage = byType('stage');
    const href = environmentLogsHref(stage, { service: 'author', name: 'aemerror' }, 7)!;
    const url = new URL(resolveHref(href));
    let refuse = true;
    sim.server.use(
      http.get(`${url.origin}${url.pathname}`, ({ request }) =>
        refuse && new URL(request.url).search === url.search
          ? HttpResponse.json(
              {
                type: 'http://ns.adobe.com/adobecloud/error',
                title: 'Invalid parameters',
                status: 400,
                detail: 'name: no log "aemerror" for author',
                invalidParams: [{ name: 'name', reason: 'no log "aemerror" for author' }],
              },
              { status: 400, headers: { 'content-type': 'application/problem+json' } },
            )
          : undefined,
      ),
    );
    openEnvironment(stage);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the log’s days');
    expect(alert).toHaveTextContent('Invalid parameters: name: no log "aemerror" for author');
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Day$/ })).toHaveTextContent('2026-11-28 (today, UTC)'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('Environment variables', () => {
  const dialog = () => screen.getByRole('dialog');
  const field = (label: string) => within(dialog()).getByLabelText(label, { selector: 'input' });

  /** Adds a variable in the editor's add row; names and values are pasted (one change each, not a re-render per key). */
  async function add(user: UserEvent, name: string, service: string, type: 'Text' | 'Secret', value: string) {
    await user.clear(field('Name'));
    await user.paste(name);
    await user.click(within(dialog()).getByRole('button', { name: /Service$/ }));
    await user.click(await screen.findByRole('option', { name: service }));
    await user.click(within(dialog()).getByRole('button', { name: /Type$/ }));
    await user.click(await screen.findByRole('option', { name: type }));
    await user.clear(field(type === 'Secret' ? 'Secret value' : 'Value'));
    await user.paste(value);
    await user.click(within(dialog()).getByRole('button', { name: 'Add variable' }));
  }

  it('adds a secret and a publish-only variable: one PATCH with their services, updating until applied, never the secret', async () => {
    const sent = sim.record(['PATCH']);
    const user = userEvent.setup();
    const dev = byType('dev');
    openEnvironment(dev);
    const table = await screen.findByRole('table', { name: 'Environment variables' });
    expect(within(table).getByRole('row', { name: /DEBUG_CLIENTLIBS/ })).toHaveTextContent('DEBUG_CLIENTLIBSAuthorTexttrueReady');

    await user.click(screen.getByRole('button', { name: 'View/Edit variables' }));
    await within(dialog()).findByRole('table', { name: 'Variables' });
    expect(within(dialog()).getByRole('columnheader', { name: 'SERVICE' })).toBeInTheDocument();
    await user.click(within(dialog()).getByRole('button', { name: /Service$/ }));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual(['All', 'Author', 'Publish', 'Preview']);
    await user.keyboard('{Escape}');
    await add(user, 'SEARCH_API_TOKEN', 'All', 'Secret', 'sup3r-s3cret');
    await add(user, 'CDN_ORIGIN', 'Publish', 'Text', 'https://origin.wknd.site');
    // the same name may exist once per service
    await add(user, 'DEBUG_CLIENTLIBS', 'Author', 'Text', 'x');
    expect(field('Name')).toHaveAccessibleDescription('There is already a variable named DEBUG_CLIENTLIBS.');
    await add(user, 'DEBUG_CLIENTLIBS', 'Publish', 'Text', 'false');
    expect(within(dialog()).getByRole('row', { name: /^DEBUG_CLIENTLIBS\(new\) Publish Text false/ })).toBeInTheDocument();
    await user.click(within(dialog()).getByRole('button', { name: 'Delete DEBUG_CLIENTLIBS (Publish)' }));

    await user.click(within(dialog()).getByRole('button', { name: 'Review changes (2)' }));
    expect(within(dialog()).getByRole('list', { name: 'Added' })).toHaveTextContent(
      'SEARCH_API_TOKEN (Secret, All) = ••••••CDN_ORIGIN (Text, Publish) = https://origin.wknd.site',
    );
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toEqual([
      {
        method: 'PATCH',
        path: findLink(dev, rel.variables)!.href,
        body: [
          { name: 'SEARCH_API_TOKEN', type: 'secretString', value: 'sup3r-s3cret' },
          { name: 'CDN_ORIGIN', type: 'string', value: 'https://origin.wknd.site', service: 'publish' },
        ],
      },
    ]);

    // updating: the environment, the changed variables, and the editor read-only saying why
    const row = (name: string) =>
      within(screen.getByRole('table', { name: 'Environment variables' })).getByRole('row', { name: new RegExp(`^${name}`) });
    await waitFor(() => expect(row('CDN_ORIGIN')).toHaveTextContent('CDN_ORIGINPublishTexthttps://origin.wknd.siteUpdating'));
    expect(row('SEARCH_API_TOKEN')).toHaveTextContent('SEARCH_API_TOKENAllSecret••••••Updating');
    expect(row('DEBUG_CLIENTLIBS')).toHaveTextContent('Ready');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Details' })).toHaveTextContent('Updating'));
    await user.click(screen.getByRole('button', { name: 'View/Edit variables' }));
    expect(await within(dialog()).findByText(/takes another change once this one is applied/)).toBeInTheDocument();
    expect(field('Name')).toBeDisabled();
    await user.click(within(dialog()).getByRole('button', { name: 'Close' }));
    expect(document.body.textContent).not.toContain('sup3r-s3cret');

    // applied two simulated minutes later: polled back to ready
    await sim.advance(2 * 60_000 + 1000);
    await waitFor(() => expect(row('CDN_ORIGIN')).toHaveTextContent('Ready'), { timeout: 6000 });
    expect(row('SEARCH_API_TOKEN')).toHaveTextContent('Ready');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Details' })).toHaveTextContent('Running'), { timeout: 6000 });
    const list = await getJson<VariableList>(findLink(dev, rel.variables)!.href);
    expect(list._embedded!.variables!.find((v) => v.name === 'SEARCH_API_TOKEN')).toEqual({
      name: 'SEARCH_API_TOKEN',
      type: 'secretString',
      status: 'ready',
    });
    expect(document.body.textContent).not.toContain('sup3r-s3cret');
  });

  it('a change made meanwhile elsewhere makes the API refuse (409): said in place, the edits kept', async () => {
    const user = userEvent.setup();
    const stage = byType('stage');
    openEnvironment(stage);
    await screen.findByRole('region', { name: 'Variables' });
    await user.click(await screen.findByRole('button', { name: 'View/Edit variables' }));
    await within(dialog()).findByText('No variables yet.');
    await add(user, 'FEATURE_FLAG', 'Author', 'Text', 'on');
    // another tab changes the variables: the environment is updating now
    await sendToLink({ href: findLink(stage, rel.variables)!.href }, 'PATCH', [{ name: 'OTHER_TAB', value: '1' }]);
    await user.click(within(dialog()).getByRole('button', { name: 'Review changes (1)' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    const alert = (await within(dialog()).findByRole('heading', { name: 'The variables were not saved' })).closest('[role="alert"]');
    expect(alert).toHaveTextContent('Environment is updating');
    // and, now that it is updating, the editor says why it takes no change
    expect(await within(dialog()).findByText(/takes another change once this one is applied/)).toBeInTheDocument();
    expect(within(dialog()).getByRole('row', { name: /^FEATURE_FLAG/ })).toHaveTextContent('FEATURE_FLAG (new)AuthorTexton');
  });
});
