/**
 * Load a scenario file (docs/scenarios.md) into the simulator: its world, clock, script of the
 * next runs and API quirks replace the current ones. An invalid file is refused with every
 * problem listed, and nothing changes.
 */
import { Button, Content, FileTrigger, Flex, Heading, InlineAlert, Text } from '@adobe/react-spectrum';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { refreshAfterAction } from '../../api/queries';
import { queryKeys } from '../../api/query-keys';
import { loadSimScenario, type SimScenario } from '../../api/simulator-scenario';

export function ScenarioLoader() {
  const client = useQueryClient();
  const [unreadable, setUnreadable] = useState<string>();
  const load = useMutation<SimScenario, Error, unknown>({
    mutationFn: loadSimScenario,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.simulatorState() });
      return refreshAfterAction(client);
    },
  });

  const select = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setUnreadable(undefined);
    load.reset();
    let scenario: unknown;
    try {
      scenario = JSON.parse(await file.text());
    } catch {
      setUnreadable(`${file.name} is not a JSON file.`);
      return;
    }
    load.mutate(scenario);
  };

  const problems = load.error instanceof ApiError ? load.error.errors : [];
  return (
    <Flex direction="column" gap="size-100">
      <FileTrigger acceptedFileTypes={['application/json', '.json']} onSelect={(files) => void select(files)}>
        <Button variant="secondary" isDisabled={load.isPending}>
          Load a scenario…
        </Button>
      </FileTrigger>
      {load.data ? <Text>Scenario “{load.data.name}” loaded: its programs, clock and script of the next runs.</Text> : null}
      {unreadable || load.error ? (
        <InlineAlert variant="negative">
          <Heading>The scenario was not loaded</Heading>
          <Content>
            {unreadable ??
              (problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing changed:` : load.error?.message)}
            {problems.length ? (
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </Content>
        </InlineAlert>
      ) : null}
    </Flex>
  );
}
