/**
 * What one day of one environment log is a function of (LogSource): the seed, the environment, the
 * service and log, the day, and the events of that day that show in it. Everything else about the
 * text is drawn from hashes of these, so any byte range of a day is reproducible.
 */
import type { EnvironmentType } from '../model';

/** A deployment to the environment (a deploy step of an execution), as its logs show it. */
export interface DeploymentEvent {
  kind: 'deployment';
  executionId: string;
  stepId: string;
  /** When it started deploying (after waiting for an update, if it did) and when it ends as planned. */
  start: number;
  end: number;
  failed: boolean;
  artifactsVersion: string;
  aemRelease: string;
  /** A push-update run (an AEM release pushed by Adobe). */
  pushUpdate: boolean;
}

/** A change of the environment's variables applying from `at` until `until` (names only, never values). */
export interface VariablesEvent {
  kind: 'variables';
  at: number;
  until: number;
  names: string[];
}

export type LogEvent = DeploymentEvent | VariablesEvent;

export interface LogSource {
  seed: number;
  programId: string;
  environmentId: string;
  environmentType: EnvironmentType;
  /** Short name of the program's site ("wknd"): content paths and package names. */
  site: string;
  /** author, publish, dispatcher, preview or preview_dispatcher. */
  service: string;
  /** aemerror, aemrequest, aemaccess, httpdaccess, httpderror or aemdispatcher. */
  name: string;
  /** YYYY-MM-DD (UTC) and its midnight. */
  date: string;
  dayStart: number;
  /** Host names of the environment's services (publish for dispatcher logs). */
  host: string;
  /** The events whose lines may fall on this day, in the order they happened. */
  events: LogEvent[];
}

/** The AEM service a log belongs to (a dispatcher runs beside publish, a preview dispatcher beside preview). */
export function aemServiceOf(service: string): 'author' | 'publish' | 'preview' {
  if (service === 'author') return 'author';
  return service === 'preview' || service === 'preview_dispatcher' ? 'preview' : 'publish';
}

export const isDispatcher = (service: string) => service === 'dispatcher' || service === 'preview_dispatcher';
