/** Pipelines: every pipeline of the program with status, repository, branch, environment, trigger, last run, and its `...` menu. */
import { Cell, Column, Flex, Row, TableBody, TableHeader, TableView, Text, View } from '@adobe/react-spectrum';
import { useParams } from 'react-router';
import { useEnvironments, usePipelines, useProgram, useRepositories } from '../../api/queries';
import type { Pipeline } from '../../api/types';
import { paths } from '../../lib/paths';
import { PageToolbar } from '../../components/page-toolbar';
import { PipelineActionsMenu } from '../../components/pipeline-actions-menu';
import { ExecutionPopover } from '../../components/execution-popover';
import { isPipelineRunning, PipelineStatus } from '../../components/pipeline-status';
import { deployPhase, pipelineTriggerLabel, pipelineTypeLabel, sourcePhase } from '../../domain/pipeline-type';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../../lib/format';

export default function PipelinesPage() {
  const { programId = '' } = useParams();
  const { program, error, isPending, refetch } = useProgram(programId);
  const pipelines = usePipelines(program);
  const environments = useEnvironments(program);
  const repositories = useRepositories(program);
  const items = pipelines.data?._embedded?.pipelines ?? [];

  const repositoryName = (pipeline: Pipeline) => {
    const id = sourcePhase(pipeline)?.repositoryId;
    return repositories.data?._embedded?.repositories?.find((r) => r.id === id)?.repo ?? id ?? '-';
  };
  const environmentName = (pipeline: Pipeline) => {
    const phase = deployPhase(pipeline);
    if (!phase) return '-';
    return (
      environments.data?._embedded?.environments?.find((e) => e.id === phase.environmentId)?.name ??
      phase.environmentType ??
      phase.environmentId ??
      '-'
    );
  };

  return (
    <>
      <PageToolbar breadcrumbs={[{ label: 'Program Overview', href: paths.overview.href(programId) }, { label: 'Pipelines' }]} />
      <View padding="size-300">
        <h1 className="page-heading">Pipelines</h1>
        <QueryState
          what="pipelines"
          isPending={isPending || pipelines.isPending}
          error={error ?? pipelines.error}
          onRetry={() => void (error ? refetch() : pipelines.refetch())}
          isEmpty={items.length === 0}
          empty="This program has no pipelines yet."
        >
          <TableView aria-label="Pipelines" overflowMode="wrap">
            <TableHeader>
              <Column key="name" isRowHeader width="22%">
                NAME &amp; TYPE
              </Column>
              <Column key="status">STATUS</Column>
              <Column key="repository">REPOSITORY</Column>
              <Column key="branch">BRANCH</Column>
              <Column key="environment">ENVIRONMENT</Column>
              <Column key="trigger">TRIGGER</Column>
              <Column key="lastRun">LAST RUN</Column>
              <Column key="actions" width={60} align="end">
                <Text UNSAFE_className="visually-hidden">Actions</Text>
              </Column>
            </TableHeader>
            {/* Rows carry the names they show, so they re-render when repositories or environments arrive. */}
            <TableBody
              items={items.map((pipeline) => ({ pipeline, repository: repositoryName(pipeline), environment: environmentName(pipeline) }))}
            >
              {({ pipeline, repository, environment }) => (
                <Row key={pipeline.id}>
                  <Cell textValue={pipeline.name}>
                    <Flex direction="column">
                      <Text UNSAFE_className="strong">{pipeline.name}</Text>
                      <Text UNSAFE_className="muted">{pipelineTypeLabel(pipeline)}</Text>
                    </Flex>
                  </Cell>
                  <Cell textValue={pipeline.status ?? ''}>
                    <Flex alignItems="center" gap="size-50">
                      <PipelineStatus status={pipeline.status} />
                      {isPipelineRunning(pipeline.status) || pipeline.lastStartedAt ? (
                        <ExecutionPopover programId={programId} pipeline={pipeline} />
                      ) : null}
                    </Flex>
                  </Cell>
                  <Cell>{repository}</Cell>
                  <Cell>{sourcePhase(pipeline)?.branch ?? '-'}</Cell>
                  <Cell>{environment}</Cell>
                  <Cell>{pipelineTriggerLabel(pipeline.trigger)}</Cell>
                  <Cell>{formatDateTime(pipeline.lastStartedAt)}</Cell>
                  <Cell textValue="Actions">
                    <PipelineActionsMenu programId={programId} pipeline={pipeline} />
                  </Cell>
                </Row>
              )}
            </TableBody>
          </TableView>
        </QueryState>
      </View>
    </>
  );
}
