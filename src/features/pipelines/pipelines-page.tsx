/**
 * Pipelines: every pipeline of the program with status, repository, branch, environment, trigger,
 * last run, and its `...` menu; Filters (kept in the URL), Add Pipeline, and Run selected (with
 * the rows' checkboxes, only while some pipeline can be started: not when the console is read-only).
 */
import {
  Button,
  Cell,
  Column,
  DialogContainer,
  Flex,
  Row,
  TableBody,
  TableHeader,
  TableView,
  Text,
  View,
  type Selection,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { startPipeline } from '../../api/actions';
import { PermissionHelp, useActionDenial } from '../../components/permission-help';
import { usePipelines, useProgram, useRepositories } from '../../api/queries';
import { useEnvironments } from '../../api/environments';
import type { Pipeline } from '../../api/types';
import { paths } from '../../lib/paths';
import { PageToolbar } from '../../components/page-toolbar';
import { AddPipelineMenu } from '../../components/pipeline-actions/add-pipeline-menu';
import { PipelineActionsMenu } from '../../components/pipeline-actions/pipeline-actions-menu';
import { PipelineDialogHost } from '../../components/pipeline-actions/pipeline-action-dialogs';
import { PipelineStatusWithDetails } from '../../components/popovers/execution-popover';
import { deployPhase, pipelineTriggerLabel, pipelineTypeLabel, sourcePhase } from '../../domain/pipeline-type';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../../lib/format';
import { filtersFrom, matchesFilters } from './pipeline-filters';
import { PipelineFiltersBar } from './pipeline-filters-bar';
import { RunSelectedDialog } from './run-selected-dialog';

export default function PipelinesPage() {
  const { programId = '' } = useParams();
  const { program, error, isPending, hasData, refetch } = useProgram(programId);
  const pipelines = usePipelines(program);
  const environments = useEnvironments(program);
  const repositories = useRepositories(program);
  const [params] = useSearchParams();
  const all = pipelines.data?._embedded?.pipelines ?? [];
  const items = all.filter((pipeline) => matchesFilters(pipeline, filtersFrom(params)));
  const canStart = all.some((pipeline) => startPipeline(pipeline).link !== undefined);
  const startDenied = useActionDenial({ name: 'start' }, programId);
  const [selection, setSelection] = useState<Selection>(new Set());
  const selected = selection === 'all' ? items : items.filter((pipeline) => selection.has(pipeline.id));
  // What the Run selected dialog lists: the selection when it was opened.
  const [toRun, setToRun] = useState<Pipeline[] | null>(null);

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
      <PageToolbar
        breadcrumbs={[{ label: 'Program Overview', href: paths.overview.href(programId) }, { label: 'Pipelines' }]}
        actions={
          <>
            {canStart ? (
              <Button
                variant="secondary"
                isDisabled={selected.length === 0 || startDenied !== undefined}
                onPress={() => setToRun(selected)}
              >
                {`Run selected (${selected.length})`}
              </Button>
            ) : null}
            {canStart && startDenied ? <PermissionHelp label="Run selected" explanation={startDenied} /> : null}
            <AddPipelineMenu programId={programId} pipelineList={pipelines.data} look="toolbar" />
          </>
        }
      />
      <View padding="size-300">
        <h1 className="page-heading">Pipelines</h1>
        <PipelineFiltersBar environments={environments.data?._embedded?.environments ?? []} />
        {/* the row menus' dialogs live here, not in the rows of the virtualized table */}
        <PipelineDialogHost programId={programId} pipelines={all}>
          <QueryState
            what="pipelines"
            isPending={isPending || pipelines.isPending}
            error={error ?? pipelines.error}
            hasData={hasData && pipelines.data !== undefined}
            onRetry={() => void (error ? refetch() : pipelines.refetch())}
            isEmpty={items.length === 0}
            empty={all.length === 0 ? 'This program has no pipelines yet.' : 'No pipeline matches the filters.'}
          >
            <TableView
              aria-label="Pipelines"
              overflowMode="wrap"
              selectionMode={canStart ? 'multiple' : 'none'}
              selectedKeys={selection}
              onSelectionChange={setSelection}
            >
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
                items={items.map((pipeline) => ({
                  pipeline,
                  repository: repositoryName(pipeline),
                  environment: environmentName(pipeline),
                }))}
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
                      <PipelineStatusWithDetails programId={programId} pipeline={pipeline} />
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
        </PipelineDialogHost>
      </View>
      <DialogContainer onDismiss={() => setToRun(null)}>
        {toRun ? <RunSelectedDialog pipelines={toRun} onRan={() => setSelection(new Set())} /> : null}
      </DialogContainer>
    </>
  );
}
