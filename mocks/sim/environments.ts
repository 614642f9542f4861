/**
 * Environments: the services and logs each one offers, its external addresses, its status while a
 * change of its variables applies, and the rule that keeps variable changes and deployments apart
 * (an environment takes one change at a time).
 */
import { DomainError } from './errors';
import { DAY_MS, type Environment, type EnvironmentUpdate, type EnvironmentVariable, type LogOption, type VariableService } from './model';

/** How long a change of an environment's variables takes to apply (simulated). */
export const VARIABLES_APPLY_MS = 2 * 60_000;

/** Changes older than this are forgotten (their log lines are older than the 14 days of logs served). */
export const UPDATE_HISTORY_MS = 15 * DAY_MS;
/** And at most this many are kept per environment. */
export const UPDATE_HISTORY_MAX = 1000;

/** The logs of an AEM service (author, publish, preview) and of a dispatcher. */
export const AEM_LOGS = ['aemerror', 'aemrequest', 'aemaccess'] as const;
export const DISPATCHER_LOGS = ['httpdaccess', 'httpderror', 'aemdispatcher'] as const;

/** The services whose logs an environment offers, in Cloud Manager's order, with their logs. */
export function logServices(preview: boolean): { service: string; logs: readonly string[] }[] {
  return [
    { service: 'author', logs: AEM_LOGS },
    { service: 'publish', logs: AEM_LOGS },
    { service: 'dispatcher', logs: DISPATCHER_LOGS },
    ...(preview
      ? [
          { service: 'preview', logs: AEM_LOGS },
          { service: 'preview_dispatcher', logs: DISPATCHER_LOGS },
        ]
      : []),
  ];
}

export function hasPreview(environment: Environment): boolean {
  return environment.previewUrl !== undefined;
}

const LOG_OPTIONS = new Map(
  [false, true].map((preview) => [
    preview,
    logServices(preview).flatMap(({ service, logs }) => logs.map((name): LogOption => ({ service, name }))),
  ]),
);

/** `availableLogOptions`: one entry per service and log (derived, never stored). */
export function logOptionsOf(environment: Environment): readonly LogOption[] {
  return LOG_OPTIONS.get(hasPreview(environment))!;
}

/** The services an environment variable of `environment` can name. */
export function variableServices(environment: Environment): VariableService[] {
  return hasPreview(environment) ? ['author', 'publish', 'preview'] : ['author', 'publish'];
}

/** The author, publish and (with preview) preview URLs of an environment. */
export function serviceUrls(programId: string, environmentId: string, preview: boolean) {
  const host = `p${1000 + Number(programId)}-e${environmentId}`;
  return {
    authorUrl: `https://author-${host}.adobeaemcloud.com`,
    publishUrl: `https://publish-${host}.adobeaemcloud.com`,
    ...(preview ? { previewUrl: `https://preview-${host}.adobeaemcloud.com` } : {}),
  };
}

/** The Developer Console of the environment's cluster (an external URL, like the author and publish links). */
export function developerConsoleUrl(environment: Environment): string {
  const cluster = 10000 + ((Number(environment.programId) * 7919 + Number(environment.id)) % 90000);
  return `https://dev-console-ns-team-aem-cm-prd-n${cluster}.ethos.adobe.net/#release-cm-p${environment.programId}-e${environment.id}`;
}

/** The change of variables applying at `now`, if any. */
export function currentUpdate(environment: Environment, now: number): EnvironmentUpdate | undefined {
  const last = environment.sim.updates[environment.sim.updates.length - 1];
  return last && last.at <= now && now < last.until ? last : undefined;
}

/** `updating` while a change of its variables applies, else as stored. */
export function environmentStatus(environment: Environment, now: number): Environment['status'] {
  return currentUpdate(environment, now) ? 'updating' : environment.status;
}

/** `updating` while the change that touched it applies, then `ready`. */
export function variableStatus(environment: Environment, variable: EnvironmentVariable, now: number): 'updating' | 'ready' {
  const update = currentUpdate(environment, now);
  const touched = update?.variables.some((v) => v.name === variable.name && v.service === variable.service);
  return touched ? 'updating' : 'ready';
}

/** Refuses (409) any other change of an environment while its variables apply. */
export function checkNotUpdating(environment: Environment, now: number, what: string): void {
  const update = currentUpdate(environment, now);
  if (!update) return;
  const seconds = Math.ceil((update.until - now) / 1000);
  throw new DomainError(
    'environment_busy',
    'Environment is updating',
    `Environment ${environment.name} (${environment.id}) is applying a change of its variables for another ${seconds} s; ${what}.`,
  );
}

/** Records a change of variables applying from `now`, forgetting changes too old for any log served. */
export function recordUpdate(environment: Environment, variables: EnvironmentUpdate['variables'], now: number): EnvironmentUpdate {
  const update: EnvironmentUpdate = { at: now, until: now + VARIABLES_APPLY_MS, variables };
  const kept = environment.sim.updates.filter((u) => u.until >= now - UPDATE_HISTORY_MS);
  environment.sim.updates = [...kept, update].slice(-UPDATE_HISTORY_MAX);
  return update;
}

/** "2026.11.23456.20261120T120000Z": an AEM release as Cloud Manager names them, released `at`. */
export function aemReleaseAt(at: number, build: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}.${d.getUTCMonth() + 1}.${build}.${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T120000Z`;
}
