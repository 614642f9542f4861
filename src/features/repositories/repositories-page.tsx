/**
 * Repositories: the program's git repositories (name, git URL, description) with their branches
 * (each repository's `branches` link), and Access Repo Info (the git URL, and a new password where
 * the API offers one). Pages of more than 20 repositories follow the list's `next`/`prev` links.
 */
import { Button, DialogContainer, Flex, Text, View } from '@adobe/react-spectrum';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { findLink, rel } from '../../api/links';
import { resourceQueryOptions, useBranches, useProgram } from '../../api/queries';
import type { Repository, RepositoryList } from '../../api/types';
import { PageControls } from '../../components/page-controls';
import { PageToolbar } from '../../components/page-toolbar';
import { QueryState, readState } from '../../components/query-state';
import { paths } from '../../lib/paths';
import { AccessRepoInfoDialog } from '../../components/repositories/access-repo-info-dialog';

function Branches({ repository }: { repository: Repository }) {
  const branches = useBranches(repository);
  if (!findLink(repository, rel.branches)) return <Text>-</Text>;
  const names = branches.data?._embedded?.branches?.map((branch) => branch.name) ?? [];
  return (
    <QueryState what="branches" {...readState(branches)}>
      {names.length ? (
        <ul className="branch-list" aria-label={`Branches of ${repository.repo}`}>
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      ) : (
        <Text>No branches.</Text>
      )}
    </QueryState>
  );
}

export default function RepositoriesPage() {
  const { programId = '' } = useParams();
  const { program, error, isPending, hasData, refetch } = useProgram(programId);
  // The page shown: the program's repositories link, then the list's own next/prev links.
  const [paging, setPaging] = useState<{ href: string; page: number } | null>(null);
  const list = useQuery(resourceQueryOptions<RepositoryList>(paging?.href ?? findLink(program, rel.repositories)?.href));
  const [accessOpen, setAccessOpen] = useState(false);
  const repositories = list.data?._embedded?.repositories ?? [];
  const page = paging?.page ?? 0;
  const next = findLink(list.data, rel.next)?.href;
  const prev = findLink(list.data, rel.prev)?.href;
  return (
    <>
      <PageToolbar
        breadcrumbs={[{ label: 'Program Overview', href: paths.overview.href(programId) }, { label: 'Repositories' }]}
        actions={
          <Button variant="secondary" onPress={() => setAccessOpen(true)} isDisabled={repositories.length === 0}>
            Access Repo Info
          </Button>
        }
      />
      <View padding="size-300">
        <h1 className="page-heading">Repositories</h1>
        <QueryState what="the program" isPending={isPending} error={error} hasData={hasData} onRetry={() => void refetch()}>
          <QueryState
            what="repositories"
            {...readState(list)}
            isEmpty={repositories.length === 0 && page === 0}
            empty="This program has no repositories yet."
          >
            <table className="data-table" aria-label="Repositories">
              <thead>
                <tr>
                  <th scope="col">NAME</th>
                  <th scope="col">GIT URL</th>
                  <th scope="col">DESCRIPTION</th>
                  <th scope="col">BRANCHES</th>
                </tr>
              </thead>
              <tbody>
                {repositories.map((repository) => (
                  <tr key={repository.id}>
                    <th scope="row">{repository.repo}</th>
                    <td>
                      <code>{repository.repositoryUrl ?? '-'}</code>
                    </td>
                    <td>{repository.description ?? '-'}</td>
                    <td>
                      <Branches repository={repository} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {next || prev ? (
              <Flex>
                <PageControls
                  label="Repository pages"
                  page={page}
                  pageSize={list.data?._page?.limit ?? 20}
                  count={repositories.length}
                  total={list.data?._totalNumberOfItems}
                  hasNext={next !== undefined}
                  onChange={(to) => {
                    const href = to > page ? next : prev;
                    if (href) setPaging({ href, page: to });
                  }}
                />
              </Flex>
            ) : null}
          </QueryState>
        </QueryState>
      </View>
      <DialogContainer onDismiss={() => setAccessOpen(false)}>
        {accessOpen ? <AccessRepoInfoDialog repositories={repositories} /> : null}
      </DialogContainer>
    </>
  );
}
