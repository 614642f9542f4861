/**
 * The console's one query-key factory. Every key starts with `cm`, so `refreshAfterAction`
 * refreshes everything the console has read with one prefix; the href a link gave is the natural
 * key of a resource, and a suffix names another reading of the same href.
 */
export const queryKeys = {
  /** Everything the console has read. */
  all: ['cm'] as const,
  /** A resource at an href from a link (`none` while the link is not known yet: the query is disabled). */
  resource: (href: string | undefined) => ['cm', href ?? 'none'] as const,
  /** The pipeline's current execution through its `execution` link (`null` when idle). */
  currentExecution: (href: string | undefined) => ['cm', href ?? 'none', 'current'] as const,
  /** The pages of a pipeline's executions read for the history of the execution on screen. */
  history: (firstPageHref: string | undefined, executionId: string | undefined) =>
    ['cm', firstPageHref ?? 'none', 'history', executionId ?? ''] as const,
  /** A step's artifact of one type, through the step's artifacts list. */
  stepArtifact: (artifactsHref: string | undefined, type: string) => ['cm', artifactsHref ?? 'none', 'artifact', type] as const,
  /** The `{redirect}` answer of a step's logs link. */
  logRedirect: (logsHref: string | undefined) => ['cm', logsHref ?? 'none', 'redirect'] as const,
  /** The text of a log file at a redirect target, tailed while the step runs. */
  logText: (target: string | undefined) => ['cm', target ?? 'none', 'text'] as const,
  /** An environment's log followed as it grows, keyed by its one-day `logs` href (service and log). */
  logFollow: (logsHref: string | undefined) => ['cm', logsHref ?? 'none', 'follow'] as const,
  /** The pages of a pipeline's executions read for a report (as far back as its date range goes). */
  reportExecutions: (firstPageHref: string | undefined) => ['cm', firstPageHref ?? 'none', 'report'] as const,
  /** The simulator's own state (its controls are not Cloud Manager's). */
  simulatorState: () => ['cm', '_sim', 'state'] as const,
  /** The simulator's users (`/_sim/users`) and who is signed in (`/_sim/whoami`). */
  simulatorUsers: () => ['cm', '_sim', 'users'] as const,
  whoami: () => ['cm', '_sim', 'whoami'] as const,
  /** The simulator's event journal (`/_sim/events`), read on from its last cursor. */
  simulatorEvents: () => ['cm', '_sim', 'events'] as const,
  /** The standalone simulator's webhooks and one's delivery log (`/_sim/webhooks…`). */
  simulatorWebhooks: () => ['cm', '_sim', 'webhooks'] as const,
  webhookDeliveries: (id: string) => ['cm', '_sim', 'webhooks', id, 'deliveries'] as const,
  /**
   * The local proxy's connection (`GET /_proxy/info`): not Cloud Manager's and fixed while the page
   * lives, so outside the `cm` prefix (an action does not read it again).
   */
  proxyInfo: () => ['cm-proxy', 'info'] as const,
};
