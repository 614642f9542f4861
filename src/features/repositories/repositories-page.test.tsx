/**
 * Repositories on the real simulator (seed 1): the list with branches, and Access Repo Info — the
 * git URL, Generate Password through the simulator's extension link (shown once, with copy, said to
 * replace the previous one and to be a simulator extension), and without the link (a real Cloud
 * Manager): no button, and where passwords are managed.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { getJson, resolveHref } from '../../api/client';
import { findLink, rel } from '../../api/links';
import type { Program, RepositoryList } from '../../api/types';
import { paths } from '../../lib/paths';
import { dismissToastsAfterEach } from '../../test/fixture-server';
import { renderWithProviders } from '../../test/render';
import { programNamed, setupSimulatorServer } from '../../test/simulator-server';
import RepositoriesPage from './repositories-page';

const sim = setupSimulatorServer();
dismissToastsAfterEach();

let wknd: Program;
let repositories: RepositoryList;
beforeEach(async () => {
  wknd = await programNamed('WKND Sites');
  repositories = await getJson<RepositoryList>(findLink(wknd, rel.repositories)!.href);
});

const render = () => renderWithProviders(<RepositoriesPage />, { url: paths.repositories.href(wknd.id), path: paths.repositories.path });

describe('Repositories', () => {
  it('lists the repositories with their git URL and branches', async () => {
    render();
    const table = await screen.findByRole('table', { name: 'Repositories' });
    const [repository] = repositories._embedded!.repositories!;
    const row = within(table).getByRole('row', { name: new RegExp(`^${repository.repo}`) });
    expect(row).toHaveTextContent(repository.repositoryUrl!);
    const branches = await within(row).findByRole('list', { name: `Branches of ${repository.repo}` });
    expect(
      within(branches)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['main', 'develop', 'release/2026.11', 'feature/wknd-search', 'feature/header-refresh']);
  });

  it('Access Repo Info: the git URL; Generate Password shows a new password once, says it replaces the previous one and is a simulator extension', async () => {
    const posts = sim.record(['POST']);
    const user = userEvent.setup();
    render();
    const [repository] = repositories._embedded!.repositories!;
    await screen.findByRole('table', { name: 'Repositories' });
    await user.click(screen.getByRole('button', { name: 'Access Repo Info' }));
    const dialog = await screen.findByRole('dialog', { name: 'Repository Info' });
    expect(within(dialog).getByRole('textbox', { name: 'Git repository URL' })).toHaveValue(repository.repositoryUrl);
    expect(dialog).toHaveTextContent('Simulator extension');
    expect(dialog).toHaveTextContent("not part of Adobe's Cloud Manager API");
    expect(within(dialog).queryByRole('textbox', { name: 'Password' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Generate Password' }));
    const password = await within(dialog).findByRole('textbox', { name: 'Password' });
    expect(posts).toEqual([{ method: 'POST', path: findLink(repository, rel.generatePassword)!.href, body: undefined }]);
    expect(within(dialog).getByRole('textbox', { name: 'Username' })).toHaveValue(`simulatedorg-${wknd.id}`);
    const first = (password as HTMLInputElement).value;
    expect(first).toMatch(/^\S{32}$/);
    expect(dialog).toHaveTextContent('This password is shown once: copy it now. It replaces the previous password');
    await user.click(within(dialog).getByRole('button', { name: 'Copy password' }));
    expect(await navigator.clipboard.readText()).toBe(first);
    expect(within(dialog).getByText('Copied.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Generate another password' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Password' })).not.toHaveValue(first));
    expect(posts).toHaveLength(2);

    // Copy as curl: the POST to the extension link, no password in it, nothing sent
    await user.click(within(dialog).getByRole('button', { name: 'Copy as curl: Generate Password' }));
    await user.click(screen.getByRole('menuitem', { name: 'Generate Password' }));
    await waitFor(async () =>
      expect(await navigator.clipboard.readText()).toMatch(
        new RegExp(`^curl -X POST '${resolveHref(findLink(repository, rel.generatePassword)!.href).replace(/[.?]/g, '\\$&')}'`),
      ),
    );
    expect(await navigator.clipboard.readText()).not.toContain(first);
    expect(posts).toHaveLength(2);

    // closed and opened again: the password is not shown any more
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Access Repo Info' }));
    const again = await screen.findByRole('dialog', { name: 'Repository Info' });
    expect(within(again).queryByRole('textbox', { name: 'Password' })).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(first);
  });

  it('without the generatePassword link (a real Cloud Manager): no button, and where passwords are managed', async () => {
    const href = findLink(wknd, rel.repositories)!.href;
    const url = new URL(resolveHref(href));
    sim.server.use(
      http.get(`${url.origin}${url.pathname}`, () => {
        const list = structuredClone(repositories);
        for (const repository of list._embedded!.repositories!)
          delete repository._links!['https://ns.cloud-manager-simulator.dev/rel/generatePassword'];
        return HttpResponse.json(list);
      }),
    );
    const user = userEvent.setup();
    render();
    await screen.findByRole('table', { name: 'Repositories' });
    await user.click(screen.getByRole('button', { name: 'Access Repo Info' }));
    const dialog = await screen.findByRole('dialog', { name: 'Repository Info' });
    expect(dialog).toHaveTextContent('Passwords are managed in Cloud Manager');
    expect(within(dialog).queryByRole('button', { name: /Generate/ })).not.toBeInTheDocument();
    expect(dialog).not.toHaveTextContent('Simulator extension');
  });
});
