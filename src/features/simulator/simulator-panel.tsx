/** Simulator controls — not part of Cloud Manager: time, speed, jumps, next-run outcome, href layout, a scenario, reset. */
import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Flex,
  Heading,
  InlineAlert,
  Item,
  Picker,
  ProgressCircle,
  Text,
} from '@adobe/react-spectrum';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { refreshAfterAction } from '../../api/queries';
import { queryKeys } from '../../api/query-keys';
import { formatFinishTime } from '../../lib/format';
import { SignedInUserPicker } from '../../components/signed-in-user-picker';
import { WebhookDeliveries } from './webhook-deliveries';
import { SIM_OUTCOMES, SIM_SPEEDS, simRequest, simStateQueryOptions, type SimState } from '../../api/simulator';
import { ScenarioLoader } from './scenario-loader';

const HOUR = 3600_000;
const JUMPS = [
  { label: 'Jump 1 hour', ms: HOUR },
  { label: 'Jump 1 day', ms: 24 * HOUR },
  { label: 'Jump 14 days', ms: 14 * 24 * HOUR },
];

interface Control {
  method: 'PUT' | 'POST';
  path: string;
  body: unknown;
}

export function SimulatorPanel({ close }: { close: () => void }) {
  const client = useQueryClient();
  const state = useQuery(simStateQueryOptions());
  const control = useMutation<SimState, Error, Control>({
    mutationFn: ({ method, path, body }) => simRequest(method, path, body),
    onSuccess: (data) => client.setQueryData(queryKeys.simulatorState(), data),
    onSettled: () => refreshAfterAction(client),
  });
  const send = (method: 'PUT' | 'POST', path: string, body: unknown) => control.mutate({ method, path, body });
  const sim = state.data;
  const busy = control.isPending;

  return (
    <Dialog size="L">
      <Heading>Simulator controls — not part of Cloud Manager</Heading>
      <Divider />
      <Content>
        <Flex direction="column" gap="size-200">
          {state.error ? (
            <InlineAlert variant="negative">
              <Heading>Simulator not reachable</Heading>
              <Content>{state.error.message}</Content>
            </InlineAlert>
          ) : null}
          {control.error ? (
            <InlineAlert variant="negative">
              <Heading>The control failed</Heading>
              <Content>{control.error.message}</Content>
            </InlineAlert>
          ) : null}
          {state.isPending ? <ProgressCircle aria-label="Loading simulator state…" isIndeterminate /> : null}
          {sim ? (
            <>
              <Text>
                Simulated time: <strong>{formatFinishTime(sim.now)}</strong> (seed {sim.seed})
              </Text>
              <SignedInUserPicker />
              <Flex gap="size-200" wrap alignItems="end">
                <Picker
                  label="Speed (simulated time per real time)"
                  selectedKey={String(sim.speed)}
                  onSelectionChange={(key) => key !== null && send('PUT', 'speed', { speed: Number(key) })}
                  isDisabled={busy}
                >
                  {(SIM_SPEEDS.includes(sim.speed) ? SIM_SPEEDS : [...SIM_SPEEDS, sim.speed].sort((a, b) => a - b)).map((speed) => (
                    <Item key={String(speed)}>{`${speed}×`}</Item>
                  ))}
                </Picker>
                <Picker
                  label="Outcome of the next runs"
                  selectedKey={sim.outcome}
                  onSelectionChange={(key) => key !== null && send('PUT', 'outcome', { outcome: String(key) })}
                  isDisabled={busy}
                  width="size-4600"
                >
                  {SIM_OUTCOMES.map((outcome) => (
                    <Item key={outcome.key}>{outcome.label}</Item>
                  ))}
                </Picker>
                <Picker
                  label="Href layout"
                  selectedKey={sim.layout}
                  onSelectionChange={(key) => key !== null && send('PUT', 'layout', { layout: String(key) })}
                  isDisabled={busy}
                >
                  <Item key="standard">Standard</Item>
                  <Item key="alternate">Alternate (proves link following)</Item>
                </Picker>
              </Flex>
              <ScenarioLoader />
              <Flex gap="size-100" wrap>
                {JUMPS.map((jump) => (
                  <Button key={jump.ms} variant="secondary" onPress={() => send('POST', 'clock', { advanceMs: jump.ms })} isDisabled={busy}>
                    {jump.label}
                  </Button>
                ))}
              </Flex>
              <WebhookDeliveries />
            </>
          ) : null}
        </Flex>
      </Content>
      <ButtonGroup>
        <Button variant="negative" onPress={() => send('POST', 'reset', { seed: sim?.seed ?? 1 })} isDisabled={busy || !sim}>
          Reset to seed data
        </Button>
        <Button variant="secondary" onPress={close}>
          Close
        </Button>
      </ButtonGroup>
    </Dialog>
  );
}
