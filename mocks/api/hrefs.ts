/**
 * Where each resource lives. Two layouts serve the same resources: Adobe's paths ('standard'),
 * and 'alternate', which moves every href under another path, to prove a client only follows links.
 * The entry point /api/programs is the same in both.
 */
import type { SimState } from '../sim/model';

export type Layout = SimState['settings']['layout'];

const ALT = '/api/alt-layout';

/** One day of one environment log. */
export interface LogAddress {
  service: string;
  name: string;
  /** YYYY-MM-DD (UTC). */
  date: string;
}

export interface StepAddress {
  programId: string;
  pipelineId: string;
  executionId: string;
  phaseId: string;
  stepId: string;
}

/** The hrefs of `layout` (made once per layout). */
export function hrefs(layout: Layout): Hrefs {
  return HREFS[layout];
}

function layoutHrefs(layout: Layout) {
  const api = layout === 'alternate' ? ALT : '/api';
  const files = layout === 'alternate' ? '/files/alt-layout' : '/files';
  const program = (p: string) => `${api}/program/${p}`;
  const environment = (p: string, env: string) => `${program(p)}/environment/${env}`;
  const pipeline = (p: string, pl: string) => `${program(p)}/pipeline/${pl}`;
  const execution = (p: string, pl: string, e: string) => `${pipeline(p, pl)}/execution/${e}`;
  const step = (a: StepAddress) => `${execution(a.programId, a.pipelineId, a.executionId)}/phase/${a.phaseId}/step/${a.stepId}`;
  return {
    programs: () => '/api/programs',
    program,
    pipelines: (p: string) => `${program(p)}/pipelines`,
    environments: (p: string) => `${program(p)}/environments`,
    environment,
    /** The `logs` link: templated with `service`, `name` (both repeatable) and `days`. */
    environmentLogsTemplate: (p: string, env: string) => `${environment(p, env)}/logs{?service,name,days}`,
    environmentLogs: (p: string, env: string, query: string) => `${environment(p, env)}/logs?${query}`,
    environmentLogDownload: (p: string, env: string, log: LogAddress) =>
      `${environment(p, env)}/logs/download?${new URLSearchParams({ service: log.service, name: log.name, date: log.date }).toString()}`,
    environmentVariables: (p: string, env: string) => `${environment(p, env)}/variables`,
    repositories: (p: string) => `${program(p)}/repositories`,
    repository: (p: string, r: string) => `${program(p)}/repository/${r}`,
    branches: (p: string, r: string) => `${program(p)}/repository/${r}/branches`,
    generatePassword: (p: string, r: string) => `${program(p)}/repository/${r}/generatePassword`,
    pipeline,
    variables: (p: string, pl: string) => `${pipeline(p, pl)}/variables`,
    cache: (p: string, pl: string) => `${pipeline(p, pl)}/cache`,
    currentExecution: (p: string, pl: string) => `${pipeline(p, pl)}/execution`,
    executionTemplate: (p: string, pl: string) => `${pipeline(p, pl)}/execution/{executionId}`,
    executions: (p: string, pl: string) => `${pipeline(p, pl)}/executions`,
    execution,
    step,
    stepAction: (a: StepAddress, action: 'advance' | 'cancel' | 'logs' | 'metrics' | 'artifacts') => `${step(a)}/${action}`,
    artifact: (a: StepAddress, id: string) => `${step(a)}/artifact/${id}`,
    reExecute: (p: string, pl: string, stepId: string) => `${pipeline(p, pl)}/execution?stepId=${encodeURIComponent(stepId)}`,
    logFile: (executionId: string, stepStateId: string, file: string) =>
      `${files}/execution/${executionId}/step/${stepStateId}/log/${encodeURIComponent(file)}.log`,
    artifactFile: (executionId: string, stepStateId: string, id: string) =>
      `${files}/execution/${executionId}/step/${stepStateId}/artifact/${id}`,
    /** A day of an environment log: `.log.gz` (the download) or `.log` (the tail, plain text). */
    environmentLogFile: (environmentId: string, log: LogAddress, kind: 'log' | 'log.gz') =>
      `${files}/environment/${environmentId}/logs/${encodeURIComponent(log.service)}/${encodeURIComponent(log.name)}/${log.date}.${kind}`,
  };
}

export type Hrefs = ReturnType<typeof layoutHrefs>;

const HREFS: Record<Layout, Hrefs> = { standard: layoutHrefs('standard'), alternate: layoutHrefs('alternate') };

/** The path segments after the API root of this layout, or undefined when the path is not under it. */
export function apiSegments(pathname: string, layout: Layout): string[] | undefined {
  if (pathname === '/api/programs') return ['programs'];
  const root = layout === 'alternate' ? `${ALT}/` : '/api/';
  if (!pathname.startsWith(root)) return undefined;
  const rest = pathname.slice(root.length);
  if (layout === 'standard' && rest.startsWith('alt-layout/')) return undefined;
  return decodeSegments(rest);
}

export function fileSegments(pathname: string, layout: Layout): string[] | undefined {
  const root = layout === 'alternate' ? '/files/alt-layout/' : '/files/';
  if (!pathname.startsWith(root)) return undefined;
  const rest = pathname.slice(root.length);
  if (layout === 'standard' && rest.startsWith('alt-layout/')) return undefined;
  return decodeSegments(rest);
}

/** The path segments of a simulation control under /_sim (the same in both layouts; not percent-decoded), or undefined. */
export function controlSegments(pathname: string): string[] | undefined {
  if (pathname !== '/_sim' && !pathname.startsWith('/_sim/')) return undefined;
  return pathname.slice('/_sim'.length).split('/').filter(Boolean);
}

/** Path segments, percent-decoded; undefined when an escape is malformed (e.g. a lone `%`): no such resource. */
function decodeSegments(rest: string): string[] | undefined {
  try {
    return rest
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}
