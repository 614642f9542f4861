/**
 * The call-to-action card of the Program Overview: "From code to production" (no production
 * pipeline), "Deploy your Program" (never ran), "Deployment in progress", or "Last deployment: <status>".
 */
import { Button, Flex, Heading, Link, ProgressCircle, Text, View } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { isExecutionActive } from '../../api/polling';
import { executionListHref, useExecutionList } from '../../api/queries';
import type { PipelineList } from '../../api/types';
import { paths } from '../../lib/paths';
import { ExecutionStatus, executionStatusInfo } from '../../components/execution-status';
import { isPipelineRunning } from '../../components/pipeline-status';
import { SetupPipelineButton } from '../../components/pipeline-actions/setup-pipeline-button';
import { isProductionPipeline } from '../../domain/pipeline-type';
import { formatDateTime } from '../../lib/format';

const LEARN_MORE =
  'https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/using-cloud-manager/deploy-code';

interface DeployCtaCardProps {
  programId: string;
  pipelineList: PipelineList | undefined;
}

function Card({ children }: { children: ReactNode }) {
  return (
    <View
      borderWidth="thin"
      borderColor="default"
      borderRadius="medium"
      padding="size-300"
      backgroundColor="gray-50"
      UNSAFE_className="cta-card"
    >
      <section aria-label="Deployment">{children}</section>
    </View>
  );
}

export function DeployCtaCard({ programId, pipelineList }: DeployCtaCardProps) {
  const navigate = useNavigate();
  const production = pipelineList?._embedded?.pipelines?.find(isProductionPipeline);
  const history = useExecutionList(production ? executionListHref(production) : undefined, isPipelineRunning(production?.status));
  // An outlined pill, as in Cloud Manager; Adobe's docs in a new tab.
  const learnMore = (
    <Button variant="secondary" style="outline" elementType="a" href={LEARN_MORE} target="_blank" rel="noreferrer">
      Learn more
    </Button>
  );

  if (!production) {
    return (
      <Card>
        <Heading level={2}>From code to production</Heading>
        <Text>Set up a production pipeline to build your code, test it and deploy it to stage and production.</Text>
        <Flex gap="size-200" marginTop="size-200" alignItems="center" wrap>
          <SetupPipelineButton programId={programId} pipelineList={pipelineList} />
          {learnMore}
        </Flex>
      </Card>
    );
  }

  const deployButton = (
    <Button variant="accent" onPress={() => navigate(paths.deploy.href(programId, production.id))}>
      Deploy
    </Button>
  );

  if (history.isPending && history.fetchStatus !== 'idle') {
    return (
      <Card>
        <ProgressCircle aria-label="Loading the last deployment…" isIndeterminate size="S" />
      </Card>
    );
  }

  const newest = history.data?._embedded?.executions?.[0];
  if (!newest) {
    return (
      <Card>
        <Heading level={2}>Deploy your Program</Heading>
        <Text>
          The Full Stack pipeline <b>{production.name}</b> is set up and ready to deploy your code. You can start it at any time.
        </Text>
        {history.error ? <Text UNSAFE_className="muted"> (Could not read its history: {history.error.message})</Text> : null}
        <Flex gap="size-200" marginTop="size-200" alignItems="center" wrap>
          {deployButton}
          {learnMore}
        </Flex>
      </Card>
    );
  }

  const detailsHref = paths.execution.href(programId, production.id, newest.id);
  if (isExecutionActive(newest)) {
    return (
      <Card>
        <Heading level={2}>Deployment in progress</Heading>
        <Flex gap="size-100" alignItems="center">
          <ExecutionStatus status={newest.status} context="page" />
          <Text>Started {formatDateTime(newest.createdAt)}</Text>
        </Flex>
        <Flex gap="size-200" marginTop="size-200" alignItems="center" wrap>
          <Link href={detailsHref}>View details</Link>
        </Flex>
      </Card>
    );
  }

  return (
    <Card>
      <Heading level={2}>Last deployment: {executionStatusInfo(newest.status, 'page').word}</Heading>
      <Flex gap="size-150" alignItems="center" wrap>
        <ExecutionStatus status={newest.status} context="page" />
        <Text>Finished {formatDateTime(newest.finishedAt ?? newest.updatedAt)}</Text>
        <Text UNSAFE_className="muted">{production.name}</Text>
      </Flex>
      <Flex gap="size-200" marginTop="size-200" alignItems="center" wrap>
        {deployButton}
        <Link href={detailsHref}>View details</Link>
      </Flex>
    </Card>
  );
}
