/**
 * A test step's results once it has ended: "n passed, n failed, n skipped" (words beside the
 * icon), the failing tests with their messages, or "No tests were run" in a neutral tone when the
 * step is INCOMPLETE or ran no test. Read from the step's UI_TEST_RESULTS artifact, once.
 */
import { Flex, Text } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import RemoveCircle from '@spectrum-icons/workflow/RemoveCircle';
import { useStepArtifactJson } from '../../../api/artifacts';
import { findLink, rel } from '../../../api/links';
import type { StepState } from '../../../api/types';
import { FailingTestsList } from './failing-tests-list';
import { QueryState, readState } from '../../../components/query-state';
import { failingTests, hasNoTests, readTestResults, testCounts } from '../../../domain/test-results';

function NoTests() {
  return (
    <Flex alignItems="center" gap="size-75" UNSAFE_className="step-test-results step-test-results--none">
      <RemoveCircle size="S" aria-hidden />
      <Text>No tests were run.</Text>
    </Flex>
  );
}

export function StepTestResults({ step }: { step: StepState }) {
  const incomplete = step.status === 'INCOMPLETE';
  const ended = step.finishedAt !== undefined;
  const readable = ended && !incomplete && findLink(step, rel.artifacts) !== undefined;
  const query = useStepArtifactJson<unknown>(step, 'UI_TEST_RESULTS', readable);
  if (incomplete) return <NoTests />;
  if (!readable) return null;
  const results = query.data === undefined ? undefined : readTestResults(query.data);
  return (
    <QueryState what="the test results" {...readState(query)}>
      {results === undefined ? null : hasNoTests(results) ? (
        <NoTests />
      ) : (
        <Flex direction="column" gap="size-50" UNSAFE_className="step-test-results">
          <Flex alignItems="center" gap="size-75">
            {results.failed > 0 ? (
              <Alert size="S" color="negative" aria-hidden />
            ) : (
              <CheckmarkCircle size="S" color="positive" aria-hidden />
            )}
            <Text UNSAFE_className="step-test-counts">Tests: {testCounts(results)}</Text>
          </Flex>
          <FailingTestsList tests={failingTests(results)} />
        </Flex>
      )}
    </QueryState>
  );
}
