/**
 * Program Overview: the deployment CTA card, Environments and Pipelines cards, a link to Activity,
 * Useful Resources and the floating help button.
 */
import { Flex, Link, ProgressCircle, View } from '@adobe/react-spectrum';
import { useParams } from 'react-router';
import { usePipelines, useProgram, useRepositories } from '../../api/queries';
import { useEnvironments } from '../../api/environments';
import { paths } from '../../lib/paths';
import { PageToolbar } from '../../components/page-toolbar';
import { QueryState, readState } from '../../components/query-state';
import { DeployCtaCard } from './deploy-cta-card';
import { EnvironmentsCard } from './environments-card';
import { PipelinesCard } from './pipelines-card';
import { FloatingHelpButton, UsefulResources } from './useful-resources';

export default function OverviewPage() {
  const { programId = '' } = useParams();
  const { program, error, isPending, hasData, refetch } = useProgram(programId);
  const pipelines = usePipelines(program);
  const environments = useEnvironments(program);
  const repositories = useRepositories(program);

  return (
    <>
      <PageToolbar breadcrumbs={[{ label: 'Program Overview' }]} />
      <View padding={{ base: 'size-150', M: 'size-300' }}>
        <h1 className="visually-hidden">{program ? `${program.name} — Program Overview` : 'Program Overview'}</h1>
        <QueryState what="the program" isPending={isPending} error={error} hasData={hasData} onRetry={() => void refetch()}>
          <Flex direction="column" gap="size-300">
            {/* Its room is kept while it loads, so the cards below do not move when it fills in. */}
            <div className="cta-slot">
              <QueryState what="pipelines" {...readState(pipelines)}>
                <DeployCtaCard programId={programId} pipelineList={pipelines.data} />
              </QueryState>
            </div>
            {/* The cards and what follows them appear together once both have their answer (or their
                error): one by one, each pushed the rest of the page down. */}
            {environments.isPending || pipelines.isPending ? (
              <Flex justifyContent="center" marginY="size-400">
                <ProgressCircle aria-label="Loading environments and pipelines…" isIndeterminate />
              </Flex>
            ) : (
              <>
                <div className="overview-columns">
                  <QueryState what="environments" {...readState(environments)} isPending={false}>
                    <EnvironmentsCard programId={programId} environments={environments.data?._embedded?.environments ?? []} />
                  </QueryState>
                  <QueryState what="pipelines" {...readState(pipelines)} isPending={false}>
                    <PipelinesCard
                      programId={programId}
                      pipelineList={pipelines.data}
                      repositories={repositories.data?._embedded?.repositories}
                    />
                  </QueryState>
                </div>
                <Link href={paths.activity.href(programId)}>View all activity</Link>
                <UsefulResources />
              </>
            )}
          </Flex>
        </QueryState>
      </View>
      <FloatingHelpButton />
    </>
  );
}
