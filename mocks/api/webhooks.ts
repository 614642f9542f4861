/**
 * What the `/_sim/webhooks` controls need from a webhook service. The standalone server has one
 * (mocks/events: registration with a challenge, signed deliveries on wall-clock timers, retries);
 * the embedded simulator has none and answers 501.
 */

/** A registered webhook as the controls show it (never its secret). */
export interface WebhookView {
  id: string;
  url: string;
  /** Wall-clock time of the registration (ISO). */
  created: string;
  /** `active`; `failing` while its last attempt failed (deliveries are retried, then marked failed). */
  state: 'active' | 'failing';
  /** Events waiting to be delivered (retries included). */
  pending: number;
  delivered: number;
  failed: number;
}

/** One delivery attempt of one event to one webhook. */
export interface DeliveryAttempt {
  event_id: string;
  code: string;
  executionId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** Why the attempt failed without an answer (timeout, refused connection, …). */
  error?: string;
  /** Wall-clock time the attempt ended (ISO). */
  at: string;
  /** `delivered` (2xx), `retrying` (another attempt follows), or `failed` (the last attempt: given up). */
  outcome: 'delivered' | 'retrying' | 'failed';
}

export interface WebhookControls {
  /** Registers `url` after its challenge; rejects with an HttpError (400) naming why it refused. */
  register(url: string, secret: string): Promise<WebhookView>;
  list(): WebhookView[];
  /** False when there is no such webhook. */
  remove(id: string): boolean;
  /** Its delivery log, oldest first; undefined when there is no such webhook. */
  deliveries(id: string): DeliveryAttempt[] | undefined;
}
