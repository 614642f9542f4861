/**
 * An environment: its details (type, status, region, AEM release, service URLs), Developer Console
 * (new tab), its Logs (download a day, follow today's) and its Variables.
 */
import { Button, Flex, Text, View } from '@adobe/react-spectrum';
import LinkOut from '@spectrum-icons/workflow/LinkOut';
import { useParams } from 'react-router';
import { findLink, rel } from '../../api/links';
import { useEnvironment } from '../../api/environments';
import { EnvironmentDetails } from '../../components/environment/environment-details';
import { PageToolbar } from '../../components/page-toolbar';
import { QueryState } from '../../components/query-state';
import { paths } from '../../lib/paths';
import { EnvironmentLogsSection } from './environment-logs-section';
import { EnvironmentVariablesSection } from './environment-variables-section';

export default function EnvironmentPage() {
  const { programId = '', environmentId = '' } = useParams();
  const { environment, error, isPending, hasData, refetch } = useEnvironment(programId, environmentId);
  const developerConsole = findLink(environment, rel.developerConsole)?.href;
  return (
    <>
      <PageToolbar
        breadcrumbs={[
          { label: 'Program Overview', href: paths.overview.href(programId) },
          { label: 'Environments', href: paths.environments.href(programId) },
          { label: environment?.name ?? 'Environment' },
        ]}
        actions={
          developerConsole ? (
            <Button
              variant="secondary"
              elementType="a"
              href={developerConsole}
              target="_blank"
              rel="noreferrer"
              aria-label="Developer Console (opens in a new tab)"
            >
              <LinkOut />
              <Text>Developer Console</Text>
            </Button>
          ) : undefined
        }
      />
      <View padding="size-300">
        <h1 className="page-heading">{environment?.name ?? 'Environment'}</h1>
        <QueryState what="the environment" isPending={isPending} error={error} hasData={hasData} onRetry={() => void refetch()}>
          {environment ? (
            <Flex direction="column" gap="size-400">
              <section aria-label="Details" className="environment-section">
                <EnvironmentDetails environment={environment} />
              </section>
              <EnvironmentLogsSection environment={environment} />
              <EnvironmentVariablesSection environment={environment} />
            </Flex>
          ) : null}
        </QueryState>
      </View>
    </>
  );
}
