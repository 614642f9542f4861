import { Badge, Flex, Heading, Text } from '@adobe/react-spectrum';
import type { Execution, Pipeline } from '../../api/types';
import { isProductionPipeline, executionTriggerLabel } from '../../domain/pipeline-type';
import { StepMetadata } from './timeline/step-metadata';
import { formatFinishTime } from '../../lib/format';
import { startedByText } from '../../domain/who-did-it';

/** Title ("Deploy to Production" or the pipeline name), a visible "Re-execution" label, and the run's facts. */
export function ExecutionHeader({ pipeline, execution }: { pipeline: Pipeline; execution?: Execution }) {
  const title = isProductionPipeline(pipeline) ? 'Deploy to Production' : pipeline.name;
  return (
    <Flex direction="column" gap="size-100" marginBottom="size-200">
      <Flex alignItems="center" gap="size-150" wrap>
        <Heading level={1} margin={0}>
          {title}
        </Heading>
        {execution?.trigger === 'RE_EXECUTE' ? (
          <Badge variant="indigo">
            <Text>Re-execution</Text>
          </Badge>
        ) : null}
      </Flex>
      {execution ? (
        <StepMetadata
          rows={[
            { label: 'Execution ID', value: execution.id },
            { label: 'Started', value: formatFinishTime(execution.createdAt) },
            { label: 'Artifacts version', value: execution.artifactsVersion },
            { label: 'Trigger', value: executionTriggerLabel(execution.trigger) },
            { label: 'Started by', value: startedByText(execution) },
          ]}
        />
      ) : null}
    </Flex>
  );
}
