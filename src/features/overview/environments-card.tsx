/** The Environments card: at most 3 rows (name, author URL, status). */
import { Link } from '@adobe/react-spectrum';
import { findLink, rel } from '../../api/links';
import type { Environment } from '../../api/types';
import { EnvironmentStatus } from '../../components/environment-status';
import { OverviewCard } from './overview-card';

export function EnvironmentsCard({ environments }: { environments: Environment[] }) {
  return (
    <OverviewCard id="environments" title="Environments" isEmpty={environments.length === 0} emptyText="No environments yet.">
      <table className="card-table">
        <thead>
          <tr>
            <th scope="col">ENVIRONMENTS</th>
            <th scope="col">STATUS</th>
          </tr>
        </thead>
        <tbody>
          {environments.slice(0, 3).map((environment) => {
            const author = findLink(environment, rel.author)?.href;
            return (
              <tr key={environment.id}>
                <th scope="row">
                  <div className="strong">{environment.name}</div>
                  {author ? (
                    <div className="truncate">
                      <Link href={author} target="_blank" rel="noreferrer" isQuiet>
                        {author}
                      </Link>
                    </div>
                  ) : null}
                </th>
                <td>
                  <EnvironmentStatus status={environment.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </OverviewCard>
  );
}
