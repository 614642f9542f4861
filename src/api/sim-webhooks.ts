/**
 * The standalone simulator's webhooks (`GET /_sim/webhooks`, `GET /_sim/webhooks/{id}/deliveries`:
 * simulation controls, not Cloud Manager's). The embedded simulator answers 501: webhooks need the
 * standalone server. Read when the Simulator panel shows them (and on Refresh), not polled.
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from './query-keys';
import { simGet } from './simulator';

export interface SimWebhook {
  id: string;
  url: string;
  created: string;
  state: 'active' | 'failing' | string;
  pending: number;
  delivered: number;
  failed: number;
}

/** One delivery attempt, as the console shows it (the simulator's log has more). */
export interface SimDelivery {
  event_id: string;
  code: string;
  attempt: number;
  /** The receiver's HTTP status, or why there was no answer. */
  status?: number;
  error?: string;
  at: string;
  outcome: 'delivered' | 'retrying' | 'failed' | string;
}

export function simWebhooksQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.simulatorWebhooks(),
    queryFn: ({ signal }) => simGet<{ webhooks: SimWebhook[] }>('webhooks', signal),
    retry: false,
  });
}

export function webhookDeliveriesQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.webhookDeliveries(id),
    queryFn: ({ signal }) => simGet<{ deliveries: SimDelivery[] }>(`webhooks/${encodeURIComponent(id)}/deliveries`, signal),
    retry: false,
  });
}
