/** Reports: Experience Audit of the program's production pipeline (cm-ui §8.5). */
import { Heading, Text, View } from '@adobe/react-spectrum';
import { useParams } from 'react-router';
import { usePipelines, useProgram } from '../../api/queries';
import { PageToolbar } from '../../components/page-toolbar';
import { QueryState, readState } from '../../components/query-state';
import { isProductionPipeline } from '../../domain/pipeline-type';
import { paths } from '../../lib/paths';
import { ExperienceAuditReport } from './experience-audit-report';

export default function ReportsPage() {
  const { programId = '' } = useParams();
  const { program, error, isPending, hasData, refetch } = useProgram(programId);
  // Only the pipeline's links are needed: no polling.
  const pipelines = usePipelines(program, false);
  const production = pipelines.data?._embedded?.pipelines?.find(isProductionPipeline);
  return (
    <>
      <PageToolbar breadcrumbs={[{ label: 'Program Overview', href: paths.overview.href(programId) }, { label: 'Reports' }]} />
      <View padding="size-300">
        <h1 className="page-heading">Reports</h1>
        <QueryState what="the program" isPending={isPending} error={error} hasData={hasData} onRetry={() => void refetch()}>
          <QueryState what="pipelines" {...readState(pipelines)}>
            <section aria-labelledby="experience-audit-report-title">
              <Heading level={2} id="experience-audit-report-title">
                Experience Audit
              </Heading>
              {production ? (
                <ExperienceAuditReport programId={programId} pipeline={production} />
              ) : (
                <Text>This program has no production pipeline yet: its experience audits appear here once it has run.</Text>
              )}
            </section>
          </QueryState>
        </QueryState>
      </View>
    </>
  );
}
