/**
 * Activity: every execution of the program, newest first, 20 a page, in Cloud Manager's columns
 * (NAME + type, ACTION, STATUS + (i), START TIME, DURATION, DETAILS: Branch / Commit / Trigger, and
 * a `...` menu); a row opens its execution.
 */
import { Cell, Column, Flex, Row, TableBody, TableHeader, TableView, Text, View } from '@adobe/react-spectrum';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { usePipelines, useProgram } from '../../api/queries';
import type { Execution } from '../../api/types';
import { paths } from '../../lib/paths';
import { ExecutionPopover } from '../../components/popovers/execution-popover';
import { ExecutionStatus } from '../../components/execution-status';
import { PageToolbar } from '../../components/page-toolbar';
import { executionActionLabel, executionTriggerLabel, pipelineTypeLabel } from '../../domain/pipeline-type';
import { startedByText } from '../../domain/who-did-it';
import { QueryState } from '../../components/query-state';
import { durationBetween, formatDateTime, formatDuration } from '../../lib/format';
import { PageControls } from '../../components/page-controls';
import { ActivityRowMenu } from './activity-row-menu';
import { ACTIVITY_PAGE_SIZE, useProgramActivity } from './use-program-activity';

function buildStep(execution: Execution) {
  return execution._embedded?.stepStates?.find((step) => step.action === 'build');
}

export default function ActivityPage() {
  const { programId = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1);
  const { program, error, isPending, hasData, refetch } = useProgram(programId);
  const pipelines = usePipelines(program);
  const activity = useProgramActivity(pipelines.data?._embedded?.pipelines, page);

  const goTo = (next: number) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next === 0) p.delete('page');
      else p.set('page', String(next + 1));
      return p;
    });

  return (
    <>
      <PageToolbar breadcrumbs={[{ label: 'Program Overview', href: paths.overview.href(programId) }, { label: 'Activity' }]} />
      <View padding="size-300">
        <h1 className="page-heading">Activity</h1>
        <QueryState
          what="activity"
          isPending={isPending || pipelines.isPending || activity.isPending}
          error={error ?? pipelines.error ?? activity.error}
          hasData={hasData && pipelines.data !== undefined && activity.rows.length > 0}
          onRetry={() => {
            if (error) void refetch();
            else if (pipelines.error) void pipelines.refetch();
            else activity.refetch();
          }}
          isEmpty={activity.rows.length === 0 && page === 0}
          empty="No pipeline has run in this program yet."
        >
          <TableView
            aria-label="Pipeline executions"
            overflowMode="wrap"
            onAction={(key) => {
              const row = activity.rows.find((r) => `${r.pipeline.id}/${r.execution.id}` === key);
              if (row) navigate(paths.execution.href(programId, row.pipeline.id, row.execution.id));
            }}
          >
            <TableHeader>
              <Column key="pipeline" isRowHeader width="20%">
                NAME
              </Column>
              <Column key="action">ACTION</Column>
              <Column key="startedBy">STARTED BY</Column>
              <Column key="status">STATUS</Column>
              <Column key="start">START TIME</Column>
              <Column key="duration">DURATION</Column>
              <Column key="details" width="25%">
                DETAILS
              </Column>
              <Column key="menu" width={56} hideHeader>
                Actions
              </Column>
            </TableHeader>
            <TableBody items={activity.rows.map((row) => ({ ...row, key: `${row.pipeline.id}/${row.execution.id}` }))}>
              {({ key, execution, pipeline }) => {
                const build = buildStep(execution);
                const finished = Boolean(execution.finishedAt);
                return (
                  <Row key={key}>
                    <Cell textValue={`${pipeline.name} execution ${execution.id}`}>
                      <Flex direction="column">
                        <Text UNSAFE_className="strong">{pipeline.name}</Text>
                        <Text UNSAFE_className="muted">{pipelineTypeLabel(pipeline)}</Text>
                      </Flex>
                    </Cell>
                    <Cell>{executionActionLabel(pipeline)}</Cell>
                    <Cell>{startedByText(execution) || '-'}</Cell>
                    <Cell textValue={execution.status}>
                      <Flex alignItems="center" gap="size-50">
                        <ExecutionStatus status={execution.status} context="list" />
                        <ExecutionPopover programId={programId} pipeline={pipeline} execution={execution} />
                      </Flex>
                    </Cell>
                    <Cell>{formatDateTime(execution.createdAt)}</Cell>
                    <Cell>{finished ? formatDuration(durationBetween(execution.createdAt, execution.finishedAt)) : '-'}</Cell>
                    <Cell>
                      <Flex direction="column">
                        <Text UNSAFE_className="muted">Branch: {build?.branch ?? '-'}</Text>
                        <Text UNSAFE_className="muted mono">Commit: {build?.commitId ?? '-'}</Text>
                        <Text UNSAFE_className="muted">Trigger: {executionTriggerLabel(execution.trigger).toLowerCase()}</Text>
                      </Flex>
                    </Cell>
                    <Cell textValue="Actions">
                      <ActivityRowMenu programId={programId} pipeline={pipeline} execution={execution} />
                    </Cell>
                  </Row>
                );
              }}
            </TableBody>
          </TableView>
          <PageControls
            label="Activity pages"
            page={page}
            pageSize={ACTIVITY_PAGE_SIZE}
            count={activity.rows.length}
            total={activity.total}
            hasNext={activity.hasNext}
            onChange={goTo}
            empty="No executions"
          />
        </QueryState>
      </View>
    </>
  );
}
