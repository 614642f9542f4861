/**
 * Journal entries (sim/journal.ts) as Adobe I/O Events envelopes, the shapes of Adobe's Cloud
 * Manager event definitions (spec/events.yaml): `event_id`, `event` with its `@id`, `@type`,
 * `xdmEventEnvelope:objectType`, `activitystreams:published`, `:to` (the program's IMS org),
 * `:actor` (the execution start event only, as the definitions have it) and `:object` (the
 * absolute URL of the execution or step state on this server, in its current href layout), plus
 * `recipient_client_id`. The same rendering serves the journal for pollers and webhook deliveries.
 */
import type { EventCode, JournalEntry } from '../sim/journal';
import type { Hrefs } from './hrefs';

const NS = 'https://ns.adobe.com/experience/cloudmanager';

/** The simulator's Adobe I/O client id: the `recipient_client_id` of every event. */
export const RECIPIENT_CLIENT_ID = 'cm-simulator';

/** The definition in events.yaml each event code's envelope follows. */
export const EVENT_DEFINITIONS: Record<EventCode, string> = {
  pipeline_execution_start: 'Pipeline Execution Start Event',
  pipeline_execution_step_start: 'Pipeline Execution Step Start Event',
  pipeline_execution_step_waiting: 'Pipeline Execution Step Waiting Event',
  pipeline_execution_step_end: 'Pipeline Execution Step End Event',
  pipeline_execution_end: 'Pipeline Execution End Event',
};

const EVENT_TYPE: Record<EventCode, 'started' | 'waiting' | 'ended'> = {
  pipeline_execution_start: 'started',
  pipeline_execution_step_start: 'started',
  pipeline_execution_step_waiting: 'waiting',
  pipeline_execution_step_end: 'ended',
  pipeline_execution_end: 'ended',
};

export interface EventEnvelope {
  event_id: string;
  event: {
    '@id': string;
    '@type': string;
    'xdmEventEnvelope:objectType': string;
    'activitystreams:published': string;
    'activitystreams:to': { 'xdmImsOrg:id': string; '@type': 'xdmImsOrg' };
    'activitystreams:actor'?: { 'xdmImsUser:id': string; '@type': 'xdmImsUser' };
    'activitystreams:object': { '@id': string; '@type': string };
  };
  recipient_client_id: string;
}

export interface EnvelopeContext {
  /** Where the server is, e.g. `http://127.0.0.1:8787`: `@id`s are absolute URLs on it. */
  origin: string;
  /** Hrefs of the current layout. */
  hrefs: Hrefs;
  /** The IMS org of a program. */
  orgOf: (programId: string) => string;
}

/** The envelope of one journal entry. */
export function eventEnvelope(entry: JournalEntry, ctx: EnvelopeContext): EventEnvelope {
  const stepEvent = entry.stepId !== undefined && entry.phaseId !== undefined;
  const objectType = `${NS}/${stepEvent ? 'execution-step-state' : 'pipeline-execution'}`;
  const path = stepEvent
    ? ctx.hrefs.step({
        programId: entry.programId,
        pipelineId: entry.pipelineId,
        executionId: entry.executionId,
        phaseId: entry.phaseId!,
        stepId: entry.stepId!,
      })
    : ctx.hrefs.execution(entry.programId, entry.pipelineId, entry.executionId);
  const actor =
    entry.kind === 'pipeline_execution_start' && entry.actor
      ? { 'activitystreams:actor': { 'xdmImsUser:id': entry.actor, '@type': 'xdmImsUser' as const } }
      : {};
  return {
    event_id: entry.id,
    event: {
      '@id': `urn:oeid:cloudmanager:${entry.id}`,
      '@type': `${NS}/event/${EVENT_TYPE[entry.kind]}`,
      'xdmEventEnvelope:objectType': objectType,
      'activitystreams:published': new Date(entry.at).toISOString(),
      'activitystreams:to': { 'xdmImsOrg:id': ctx.orgOf(entry.programId), '@type': 'xdmImsOrg' },
      ...actor,
      'activitystreams:object': { '@id': new URL(path, ctx.origin).toString(), '@type': objectType },
    },
    recipient_client_id: RECIPIENT_CLIENT_ID,
  };
}
