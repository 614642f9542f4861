/**
 * Environments: every environment of the program — name (opens its page), type, status, AEM
 * release, region, and its author / publish / preview URLs (new tabs). The list is polled while an
 * environment applies a change of its variables.
 */
import { Link, View } from '@adobe/react-spectrum';
import { useParams } from 'react-router';
import { useProgram } from '../../api/queries';
import { useEnvironments } from '../../api/environments';
import { EnvironmentLinks } from '../../components/environment/environment-links';
import { EnvironmentStatus } from '../../components/environment/environment-status';
import { PageToolbar } from '../../components/page-toolbar';
import { QueryState, readState } from '../../components/query-state';
import { environmentTypeLabel } from '../../domain/environments';
import { paths } from '../../lib/paths';

export default function EnvironmentsPage() {
  const { programId = '' } = useParams();
  const { program, error, isPending, hasData, refetch } = useProgram(programId);
  const environments = useEnvironments(program);
  const items = environments.data?._embedded?.environments ?? [];
  return (
    <>
      <PageToolbar breadcrumbs={[{ label: 'Program Overview', href: paths.overview.href(programId) }, { label: 'Environments' }]} />
      <View padding="size-300">
        <h1 className="page-heading">Environments</h1>
        <QueryState what="the program" isPending={isPending} error={error} hasData={hasData} onRetry={() => void refetch()}>
          <QueryState
            what="environments"
            {...readState(environments)}
            isEmpty={items.length === 0}
            empty="This program has no environments yet."
          >
            <table className="data-table" aria-label="Environments">
              <thead>
                <tr>
                  <th scope="col">NAME</th>
                  <th scope="col">TYPE</th>
                  <th scope="col">STATUS</th>
                  <th scope="col">AEM RELEASE</th>
                  <th scope="col">REGION</th>
                  <th scope="col">SERVICES</th>
                </tr>
              </thead>
              <tbody>
                {items.map((environment) => (
                  <tr key={environment.id}>
                    <th scope="row">
                      <Link href={paths.environment.href(programId, environment.id)}>{environment.name}</Link>
                    </th>
                    <td>{environmentTypeLabel(environment.type)}</td>
                    <td>
                      <EnvironmentStatus status={environment.status} />
                    </td>
                    <td>{environment.aemRelease ?? '-'}</td>
                    <td>{environment.region ?? '-'}</td>
                    <td>
                      <EnvironmentLinks environment={environment} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </QueryState>
        </QueryState>
      </View>
    </>
  );
}
