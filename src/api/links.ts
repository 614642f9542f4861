import type { HalLink, HalResource } from './types';

const PREFIX = 'ns.adobe.com/adobecloud/rel/';
/** The simulator's own relations: extensions a real Cloud Manager does not offer (their controls are then absent). */
const SIM_PREFIX = 'https://ns.cloud-manager-simulator.dev/rel/';

/** Link relations of the Cloud Manager API, written without their scheme. */
export const rel = {
  self: 'self',
  next: 'next',
  prev: 'prev',
  page: 'page',
  tenant: `${PREFIX}tenant`,
  program: `${PREFIX}program`,
  pipelines: `${PREFIX}pipelines`,
  environments: `${PREFIX}environments`,
  repositories: `${PREFIX}repositories`,
  pipeline: `${PREFIX}pipeline`,
  execution: `${PREFIX}execution`,
  executionById: `${PREFIX}execution/id`,
  executions: `${PREFIX}executions`,
  logs: `${PREFIX}pipeline/logs`,
  metrics: `${PREFIX}pipeline/metrics`,
  artifacts: `${PREFIX}pipeline/artifacts`,
  advance: `${PREFIX}pipeline/advance`,
  cancel: `${PREFIX}pipeline/cancel`,
  reExecute: `${PREFIX}pipeline/reExecute`,
  author: `${PREFIX}author`,
  publish: `${PREFIX}publish`,
  preview: `${PREFIX}preview`,
  developerConsole: `${PREFIX}developerConsole`,
  environment: `${PREFIX}environment`,
  /** An environment's log list (templated `{?service,name,days}`); not a step's `pipeline/logs`. */
  environmentLogs: `${PREFIX}logs`,
  /** A day's log of an environment: answers `{redirect}` to the gzip file. */
  logsDownload: `${PREFIX}logs/download`,
  /** Today's log of an environment as it grows (plain text, read with `Range`). */
  logsTail: `${PREFIX}logs/tail`,
  variables: `${PREFIX}variables`,
  cache: `${PREFIX}cache`,
  branches: `${PREFIX}branches`,
  /** Simulator extension on a PipelineList: POST a new pipeline there. */
  createPipeline: `${SIM_PREFIX}createPipeline`,
  /** Simulator extension on a Repository: POST for a new git password. */
  generatePassword: `${SIM_PREFIX}generatePassword`,
} as const;

export type Rel = (typeof rel)[keyof typeof rel];

/**
 * The link a resource offers for `relation`, or undefined. Namespaced relations match in both the
 * `http://` spelling of the spec and the `https://` spelling of Adobe's "Deploy your code" page.
 * When a relation holds an array of links, the first one is returned.
 */
export function findLink(resource: HalResource | undefined, relation: Rel): HalLink | undefined {
  const links = resource?._links;
  if (!links) return undefined;
  const candidates = relation.startsWith(PREFIX) ? [`http://${relation}`, `https://${relation}`, relation] : [relation];
  for (const key of candidates) {
    const value = links[key];
    const link = Array.isArray(value) ? value[0] : value;
    if (link && typeof link.href === 'string') return link;
  }
  return undefined;
}

/** Expands a templated href (RFC 6570 level 1 and `{?a,b}` query forms), dropping unset variables. */
export function expandHref(href: string, values: Record<string, string | number | undefined>): string {
  return href.replace(/\{([?&]?)([^}]+)\}/g, (_match, operator: string, names: string) => {
    const vars = names.split(',').map((name) => name.trim());
    if (operator === '?' || operator === '&') {
      const pairs = vars
        .filter((name) => values[name] !== undefined)
        .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(String(values[name]))}`);
      return pairs.length ? `${operator}${pairs.join('&')}` : '';
    }
    return vars.map((name) => (values[name] === undefined ? '' : encodeURIComponent(String(values[name])))).join(',');
  });
}
