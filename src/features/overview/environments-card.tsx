/**
 * The Environments card: at most 3 rows (name — a link to the environment's page, its author URL,
 * its status, an (i) with its details), then Show All (the Environments page). A click anywhere on
 * a row opens the environment, as on Cloud Manager; the name is the keyboard's way there.
 */
import { Flex, Link } from '@adobe/react-spectrum';
import Servers from '@spectrum-icons/workflow/Servers';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { findLink, rel } from '../../api/links';
import type { Environment } from '../../api/types';
import { EnvironmentInfoButton } from '../../components/environment/environment-details';
import { NewTabLink } from '../../components/environment/environment-links';
import { EnvironmentStatus } from '../../components/environment/environment-status';
import { paths } from '../../lib/paths';
import { OverviewCard } from './overview-card';

/** A click on the row itself, not on one of its links or buttons (or in the (i) popover). */
const onRowItself = (event: MouseEvent) =>
  !(event.target as Element).closest('a, button, [role="dialog"]') && event.currentTarget.contains(event.target as Node);

export function EnvironmentsCard({ programId, environments }: { programId: string; environments: Environment[] }) {
  const navigate = useNavigate();
  const footer = (
    <Flex marginTop="size-150" gap="size-200" alignItems="center">
      <Link href={paths.environments.href(programId)}>
        <Servers size="S" aria-hidden UNSAFE_className="link-icon" />
        Show All
      </Link>
    </Flex>
  );
  return (
    <OverviewCard
      id="environments"
      title="Environments"
      isEmpty={environments.length === 0}
      emptyText="No environments yet."
      footer={environments.length ? footer : undefined}
    >
      <table className="card-table">
        <thead>
          <tr>
            <th scope="col">ENVIRONMENTS</th>
            <th scope="col">STATUS</th>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {environments.slice(0, 3).map((environment) => {
            const author = findLink(environment, rel.author)?.href;
            const page = paths.environment.href(programId, environment.id);
            return (
              <tr key={environment.id} className="clickable-row" onClick={(event) => onRowItself(event) && void navigate(page)}>
                <th scope="row">
                  <div className="strong">
                    <Link href={page} isQuiet>
                      {environment.name}
                    </Link>
                  </div>
                  {author ? (
                    <div className="truncate">
                      <NewTabLink href={author} label={`Author of ${environment.name}: ${author}`}>
                        {author}
                      </NewTabLink>
                    </div>
                  ) : null}
                </th>
                <td>
                  <EnvironmentStatus status={environment.status} />
                </td>
                <td className="cell-actions">
                  <EnvironmentInfoButton environment={environment} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </OverviewCard>
  );
}
