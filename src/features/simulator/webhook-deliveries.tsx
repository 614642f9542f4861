/**
 * The standalone simulator's webhooks and their delivery log (each attempt: event, code, attempt,
 * status or error, time, outcome), in the Simulator panel. The embedded simulator answers 501:
 * said as such (webhooks need `npm run api`).
 */
import { ActionButton, Cell, Column, Flex, Heading, Row, TableBody, TableHeader, TableView, Text } from '@adobe/react-spectrum';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { simWebhooksQueryOptions, webhookDeliveriesQueryOptions, type SimWebhook } from '../../api/sim-webhooks';
import { formatFinishTime } from '../../lib/format';

const SHOWN = 20;
const COLUMNS = [
  { key: 'at', name: 'TIME' },
  { key: 'code', name: 'EVENT' },
  { key: 'attempt', name: 'ATTEMPT' },
  { key: 'answer', name: 'ANSWER' },
  { key: 'outcome', name: 'OUTCOME' },
];

function Deliveries({ webhook }: { webhook: SimWebhook }) {
  const log = useQuery(webhookDeliveriesQueryOptions(webhook.id));
  const attempts = (log.data?.deliveries ?? []).slice(-SHOWN).reverse();
  return (
    <Flex direction="column" gap="size-50">
      <Text>
        {webhook.url} — {webhook.state}: {webhook.delivered} delivered, {webhook.pending} pending, {webhook.failed} failed
      </Text>
      {log.error ? <Text>{log.error.message}</Text> : null}
      {attempts.length ? (
        <TableView aria-label={`Deliveries to ${webhook.url}`} density="compact" maxHeight="size-3600">
          <TableHeader columns={COLUMNS}>
            {(column) => (
              <Column key={column.key} isRowHeader={column.key === 'at'}>
                {column.name}
              </Column>
            )}
          </TableHeader>
          <TableBody items={attempts.map((a) => ({ ...a, key: `${a.event_id}/${a.attempt}` }))}>
            {(attempt) => (
              <Row key={attempt.key}>
                <Cell>{formatFinishTime(attempt.at)}</Cell>
                <Cell>{attempt.code}</Cell>
                <Cell>{attempt.attempt}</Cell>
                <Cell>{attempt.status !== undefined ? `HTTP ${attempt.status}` : (attempt.error ?? '-')}</Cell>
                <Cell>{attempt.outcome}</Cell>
              </Row>
            )}
          </TableBody>
        </TableView>
      ) : log.isSuccess ? (
        <Text>No delivery yet.</Text>
      ) : null}
    </Flex>
  );
}

export function WebhookDeliveries() {
  const webhooks = useQuery(simWebhooksQueryOptions());
  const needsServer = webhooks.error instanceof ApiError && webhooks.error.status === 501;
  return (
    <Flex direction="column" gap="size-100">
      <Flex alignItems="center" gap="size-150">
        <Heading level={3} margin={0}>
          Webhooks
        </Heading>
        {webhooks.isSuccess ? <ActionButton onPress={() => void webhooks.refetch()}>Refresh</ActionButton> : null}
      </Flex>
      {needsServer ? (
        <Text>Webhooks need the standalone server (npm run api): the simulator in this browser keeps the event journal only.</Text>
      ) : webhooks.error ? (
        <Text>{webhooks.error.message}</Text>
      ) : webhooks.data && webhooks.data.webhooks.length === 0 ? (
        <Text>No webhook registered (POST /_sim/webhooks, or npm run api -- --events-webhook).</Text>
      ) : (
        webhooks.data?.webhooks.map((webhook) => <Deliveries key={webhook.id} webhook={webhook} />)
      )}
    </Flex>
  );
}
