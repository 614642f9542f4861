/** Waiting for me: every step waiting for a decision the signed-in user may make, across programs, oldest first. */
import { Cell, Column, Link, Row, TableBody, TableHeader, TableView, View } from '@adobe/react-spectrum';
import { useQueryClient } from '@tanstack/react-query';
import { refreshAfterAction } from '../../api/queries';
import { PageToolbar } from '../../components/page-toolbar';
import { QueryState } from '../../components/query-state';
import { formatFinishTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useWaitingSteps } from './use-notifications';

export default function WaitingPage() {
  const client = useQueryClient();
  const { steps, isPending, error } = useWaitingSteps();
  return (
    <>
      <PageToolbar breadcrumbs={[{ label: 'My Programs', href: paths.programs.href() }, { label: 'Waiting for me' }]} />
      <View padding="size-300">
        <h1 className="page-heading">Waiting for me</h1>
        <QueryState
          what="waiting steps"
          isPending={isPending}
          error={error}
          onRetry={() => void refreshAfterAction(client)}
          isEmpty={steps.length === 0}
          empty="No step is waiting for a decision you may make."
        >
          <TableView aria-label="Steps waiting for my decision" overflowMode="wrap">
            <TableHeader>
              <Column key="step" isRowHeader>
                STEP
              </Column>
              <Column key="program">PROGRAM</Column>
              <Column key="pipeline">PIPELINE</Column>
              <Column key="since">WAITING SINCE</Column>
              <Column key="expires">EXPIRES</Column>
              <Column key="open">EXECUTION</Column>
            </TableHeader>
            <TableBody items={steps}>
              {(step) => (
                <Row key={step.id}>
                  <Cell>{step.stepTitle}</Cell>
                  <Cell>{step.programName}</Cell>
                  <Cell>{step.pipelineName}</Cell>
                  <Cell>{formatFinishTime(step.since)}</Cell>
                  <Cell>{formatFinishTime(step.expires)}</Cell>
                  <Cell textValue={`Execution ${step.executionId}`}>
                    <Link href={paths.execution.href(step.programId, step.pipelineId, step.executionId)}>
                      {`Open execution ${step.executionId}`}
                    </Link>
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
