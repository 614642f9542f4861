/**
 * Webhook deliveries of the standalone server (Adobe I/O Events emulation). I/O on wall-clock
 * timers, outside the pure engine: every tick takes the journal entries made since the last one
 * (advancing the simulated clock first, so time-driven transitions are seen without a request),
 * queues them for every registered webhook, and POSTs each as its events.yaml envelope, signed
 * (`x-adobe-signature`, signature.ts), with `x-adobe-event-code` and `x-adobe-event-id`.
 *
 * - Per webhook, the events of one execution arrive in order: an event is sent only when the
 *   execution's earlier events are settled; other executions' events go on meanwhile.
 * - A failed attempt (not 2xx, no answer within the timeout) is retried after 1 s, 2 s, 4 s, …, up to
 *   the policy's attempts; then the event is marked failed and the execution's next event goes.
 * - Every attempt is recorded (the delivery log) and the queue saved (`persist`, the data file)
 *   before that execution's next event is sent: after a restart, even after kill -9, an acknowledged
 *   delivery is never sent again and an unacknowledged one is sent again (at least once).
 * - Nothing here runs inside a request: sending and waiting never block the engine or an answer.
 */
import { randomUUID } from 'node:crypto';
import { eventEnvelope } from '../api/event-envelope';
import { hrefs } from '../api/hrefs';
import { HttpError } from '../api/problem';
import type { DeliveryAttempt, WebhookControls, WebhookView } from '../api/webhooks';
import { cursorRange, entriesAfter, type JournalEntry } from '../sim/journal';
import { SEED_ORG } from '../sim/seed';
import type { Simulator } from '../sim/simulator';
import { challengeProblem, reason } from './challenge';
import { signBody } from './signature';

export interface DeliveryPolicy {
  /** Attempts per event before it is marked failed. */
  attempts: number;
  /** The wait before the first retry; each later one waits twice as long. */
  firstRetryMs: number;
  /** How long an attempt may take. */
  timeoutMs: number;
  /** How long the registration challenge may take. */
  challengeTimeoutMs: number;
  /** How often the journal is read. */
  tickMs: number;
  /** Attempts in flight at once per webhook (one per execution). */
  inFlight: number;
  /** Attempts kept in a webhook's delivery log. */
  logLimit: number;
  /** Events a webhook may have waiting; past it the oldest are marked failed. */
  queueLimit: number;
}

export const DELIVERY_POLICY: DeliveryPolicy = {
  attempts: 8,
  firstRetryMs: 1000,
  timeoutMs: 10_000,
  challengeTimeoutMs: 10_000,
  tickMs: 200,
  inFlight: 4,
  logLimit: 500,
  queueLimit: 10_000,
};

/** An event waiting for a webhook. */
interface Pending {
  entry: JournalEntry;
  /** Attempts made so far. */
  attempts: number;
  /** Wall-clock time before which it is not tried again. */
  notBefore: number;
}

interface Webhook {
  id: string;
  url: string;
  secret: string;
  /** Wall-clock time of the registration. */
  created: number;
  /** In journal order. */
  queue: Pending[];
  log: DeliveryAttempt[];
  delivered: number;
  failed: number;
  failing: boolean;
}

/** What the data file keeps (its `webhooks` section): the journal seq queued up to, and every webhook with its queue and log. */
export interface WebhookSection {
  cursor: number;
  webhooks: Webhook[];
}

export interface DispatcherOptions {
  /** The server's address (e.g. `http://127.0.0.1:8787`): events name their execution or step by an absolute URL on it. */
  origin: () => string;
  /** Saves the state and this section (the data file), synchronously; called after every attempt and registration. */
  persist: () => void;
  /** The section the data file held. */
  saved?: unknown;
  policy?: Partial<DeliveryPolicy>;
  wallClock?: () => number;
}

export class WebhookDispatcher implements WebhookControls {
  readonly policy: DeliveryPolicy;
  private webhooks: Webhook[];
  private cursor: number;
  /** Per webhook id: the executions with an attempt in flight. */
  private readonly sending = new Map<string, Set<string>>();
  private timer?: ReturnType<typeof setInterval>;
  private readonly wall: () => number;

  constructor(
    private readonly simulator: Simulator,
    private readonly options: DispatcherOptions,
  ) {
    this.policy = { ...DELIVERY_POLICY, ...options.policy };
    this.wall = options.wallClock ?? (() => Date.now());
    const saved = readSection(options.saved);
    const { newest } = cursorRange(simulator.state.journal);
    this.webhooks = saved?.webhooks ?? [];
    this.cursor = Math.min(saved?.cursor ?? newest, newest);
  }

  /** The `webhooks` section of the data file. */
  section(): WebhookSection {
    return { cursor: this.cursor, webhooks: this.webhooks };
  }

  /** Starts the wall-clock timer (it does not keep the process alive on its own). */
  start(): void {
    this.timer ??= setInterval(() => this.tick(), this.policy.tickMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Queues what the journal has new and sends what may be sent. */
  tick(): void {
    this.intake();
    for (const webhook of this.webhooks) this.pump(webhook);
  }

  /** Takes the journal entries made since the last intake into every webhook's queue. */
  private intake(): void {
    const journal = this.simulator.state.journal;
    if (!this.webhooks.length) {
      this.cursor = cursorRange(journal).newest;
      return;
    }
    this.simulator.now(); // time-driven transitions reach the journal without waiting for a request
    const range = cursorRange(journal);
    const fresh = entriesAfter(journal, Math.max(this.cursor, range.oldest), range.newest - range.oldest);
    if (!fresh.length) {
      this.cursor = range.newest;
      return;
    }
    for (const webhook of this.webhooks) {
      for (const entry of fresh) webhook.queue.push({ entry, attempts: 0, notBefore: 0 });
      while (webhook.queue.length > this.policy.queueLimit)
        this.settle(webhook, webhook.queue[0], { error: 'dropped: too many events waiting' }, 'failed');
    }
    this.cursor = fresh[fresh.length - 1].seq;
  }

  /** Sends each execution's first waiting event that is due, up to the policy's attempts in flight. */
  private pump(webhook: Webhook): void {
    const sending = this.sending.get(webhook.id) ?? new Set<string>();
    this.sending.set(webhook.id, sending);
    const now = this.wall();
    const seen = new Set<string>();
    for (const pending of webhook.queue) {
      if (sending.size >= this.policy.inFlight) return;
      const { executionId } = pending.entry;
      if (seen.has(executionId)) continue; // an earlier event of this execution is not settled yet
      seen.add(executionId);
      if (sending.has(executionId) || pending.notBefore > now) continue;
      sending.add(executionId);
      void this.send(webhook, pending).finally(() => sending.delete(executionId));
    }
  }

  private async send(webhook: Webhook, pending: Pending): Promise<void> {
    const body = JSON.stringify(this.envelope(pending.entry));
    let answer: { status?: number; error?: string };
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-adobe-event-code': pending.entry.kind,
          'x-adobe-event-id': pending.entry.id,
          'x-adobe-signature': signBody(body, webhook.secret),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
      answer = { status: response.status };
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      answer = { error: reason(error, this.policy.timeoutMs) };
    }
    if (!this.webhooks.includes(webhook) || !webhook.queue.includes(pending)) return; // removed meanwhile
    pending.attempts += 1;
    const delivered = answer.status !== undefined && answer.status >= 200 && answer.status <= 299;
    if (delivered) this.settle(webhook, pending, answer, 'delivered');
    else if (pending.attempts >= this.policy.attempts) this.settle(webhook, pending, answer, 'failed');
    else {
      pending.notBefore = this.wall() + this.policy.firstRetryMs * 2 ** (pending.attempts - 1);
      this.note(webhook, pending, answer, 'retrying');
    }
    // Recorded before the execution's next event is sent (pump runs on the next tick at the earliest).
    this.options.persist();
  }

  /** The event is done with: delivered, or given up. */
  private settle(webhook: Webhook, pending: Pending, answer: { status?: number; error?: string }, outcome: 'delivered' | 'failed') {
    webhook.queue.splice(webhook.queue.indexOf(pending), 1);
    if (outcome === 'delivered') webhook.delivered += 1;
    else webhook.failed += 1;
    this.note(webhook, pending, answer, outcome);
  }

  private note(webhook: Webhook, pending: Pending, answer: { status?: number; error?: string }, outcome: DeliveryAttempt['outcome']) {
    webhook.failing = outcome !== 'delivered';
    webhook.log.push({
      event_id: pending.entry.id,
      code: pending.entry.kind,
      executionId: pending.entry.executionId,
      attempt: Math.max(1, pending.attempts),
      ...answer,
      at: new Date(this.wall()).toISOString(),
      outcome,
    });
    if (webhook.log.length > this.policy.logLimit) webhook.log.splice(0, webhook.log.length - this.policy.logLimit);
  }

  /** An entry's envelope as it is sent now: this server's address, the current href layout. */
  private envelope(entry: JournalEntry) {
    const { state } = this.simulator;
    const orgOf = (programId: string) => state.programs.find((p) => p.id === programId)?.imsOrgId ?? SEED_ORG;
    return eventEnvelope(entry, { origin: this.options.origin(), hrefs: hrefs(state.settings.layout), orgOf });
  }

  // ---------------------------------------------------------------- the controls

  /**
   * The webhook of `--events-webhook`: one the data file already has for this URL carries on (its
   * secret replaced, its pending deliveries kept; no new challenge, as a registration is not asked
   * again); otherwise it is registered.
   */
  async registerAtStart(url: string, secret: string): Promise<WebhookView> {
    const known = this.webhooks.find((w) => w.url === url);
    if (!known) return this.register(url, secret);
    known.secret = secret;
    this.options.persist();
    return view(known);
  }

  async register(url: string, secret: string): Promise<WebhookView> {
    const problem = await challengeProblem(url, this.policy.challengeTimeoutMs);
    if (problem) throw new HttpError(400, 'Webhook refused', `${problem} The webhook was not registered.`);
    // Events made before now go to the webhooks registered before now only.
    this.intake();
    let webhook = this.webhooks.find((w) => w.url === url);
    if (webhook) webhook.secret = secret;
    else {
      webhook = { id: randomUUID(), url, secret, created: this.wall(), queue: [], log: [], delivered: 0, failed: 0, failing: false };
      this.webhooks.push(webhook);
    }
    this.options.persist();
    return view(webhook);
  }

  list(): WebhookView[] {
    return this.webhooks.map(view);
  }

  remove(id: string): boolean {
    const index = this.webhooks.findIndex((w) => w.id === id);
    if (index < 0) return false;
    this.webhooks.splice(index, 1);
    this.sending.delete(id);
    this.options.persist();
    return true;
  }

  deliveries(id: string): DeliveryAttempt[] | undefined {
    return this.webhooks.find((w) => w.id === id)?.log.map((attempt) => ({ ...attempt }));
  }
}

function view(webhook: Webhook): WebhookView {
  return {
    id: webhook.id,
    url: webhook.url,
    created: new Date(webhook.created).toISOString(),
    state: webhook.failing ? 'failing' : 'active',
    pending: webhook.queue.length,
    delivered: webhook.delivered,
    failed: webhook.failed,
  };
}

/** The section as the data file held it; an Error naming what is wrong when it is not one. */
function readSection(value: unknown): WebhookSection | undefined {
  if (value === undefined) return undefined;
  const section = value as Partial<WebhookSection>;
  const fine =
    !!section &&
    typeof section.cursor === 'number' &&
    Array.isArray(section.webhooks) &&
    section.webhooks.every(
      (w) =>
        !!w &&
        typeof w.id === 'string' &&
        typeof w.url === 'string' &&
        typeof w.secret === 'string' &&
        Array.isArray(w.queue) &&
        Array.isArray(w.log) &&
        w.queue.every((p) => !!p && typeof p.entry?.executionId === 'string' && typeof p.attempts === 'number'),
    );
  if (!fine) throw new Error('the webhooks kept in the data file are not readable');
  return section as WebhookSection;
}
