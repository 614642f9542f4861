/**
 * The simulator's event journal (`GET /_sim/events?since=&limit=`, a simulation control, not Cloud
 * Manager's): Adobe I/O Events envelopes (events.yaml), oldest first, with the cursor to read on
 * from. The console reads it on from its last cursor, polled through the one polling policy, and
 * keeps the runs that ended (for the bell). A cursor the journal no longer knows (a reset) is a
 * 400: it reads again from the start.
 */
import { queryOptions } from '@tanstack/react-query';
import { ApiError, currentSettings, readJson, request } from './client';
import { LIST_POLL_MS, pollInterval } from './polling';
import { queryKeys } from './query-keys';
import { targetsSimulator } from './settings';
import { simUrl } from './simulator';

export interface SimEventEnvelope {
  event_id: string;
  event: {
    '@id': string;
    '@type': string;
    'xdmEventEnvelope:objectType': string;
    'activitystreams:published': string;
    'activitystreams:object': { '@id': string; '@type': string };
  };
}

interface JournalPage {
  events: SimEventEnvelope[];
  next: string;
}

/** What the console keeps of the journal: where to read on, the latest runs that ended, and what changed. */
export interface JournalReading {
  next: string | undefined;
  /** Execution-ended events, oldest first (the last `KEEP`). */
  ended: SimEventEnvelope[];
  /** The step states that ended lately (their absolute URLs, the last `KEEP_STEPS`): a hold decided elsewhere. */
  stepsEnded: string[];
  /**
   * How many steps started waiting and runs ended since the journal was first read: when it moves,
   * what waits for a decision may have changed.
   */
  changes: number;
}

const PAGE = 500;
const KEEP = 50;
const KEEP_STEPS = 200;
const MAX_PAGES = 10;

const isEnded = (envelope: SimEventEnvelope) => envelope.event['@type'].endsWith('/event/ended');
const isWaiting = (envelope: SimEventEnvelope) => envelope.event['@type'].endsWith('/event/waiting');
const onExecution = (envelope: SimEventEnvelope) => envelope.event['xdmEventEnvelope:objectType'].endsWith('/pipeline-execution');

/** An execution-ended event (`…/event/ended` on a pipeline execution). */
export function isExecutionEnd(envelope: SimEventEnvelope): boolean {
  return isEnded(envelope) && onExecution(envelope);
}

async function readPage(since: string | undefined, signal: AbortSignal): Promise<JournalPage> {
  const query = since === undefined ? `limit=${PAGE}` : `since=${encodeURIComponent(since)}&limit=${PAGE}`;
  return readJson<JournalPage>(await request(simUrl(`events?${query}`), { signal }));
}

async function readOn(previous: JournalReading | undefined, signal: AbortSignal): Promise<JournalReading> {
  let { next, ended = [], stepsEnded = [], changes = 0 } = previous ?? { next: undefined };
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    let page: JournalPage;
    try {
      page = await readPage(next, signal);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 400 && next !== undefined)) throw error;
      // The journal was reset (or dropped what we had not read): read it again from the start.
      next = undefined;
      ended = [];
      stepsEnded = [];
      changes += 1;
      continue;
    }
    ended = [...ended, ...page.events.filter(isExecutionEnd)].slice(-KEEP);
    const steps = page.events.filter((e) => isEnded(e) && !onExecution(e)).map((e) => e.event['activitystreams:object']['@id']);
    stepsEnded = [...stepsEnded, ...steps].slice(-KEEP_STEPS);
    changes += page.events.filter((e) => isWaiting(e) || isExecutionEnd(e)).length;
    next = page.next;
    if (page.events.length < PAGE) break;
  }
  return { next, ended, stepsEnded, changes };
}

/** The journal, read on from the last cursor every few seconds (simulator only). */
export function simEventsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.simulatorEvents(),
    queryFn: ({ signal, client }) => readOn(client.getQueryData<JournalReading>(queryKeys.simulatorEvents()), signal),
    enabled: targetsSimulator(currentSettings()),
    retry: false,
    refetchInterval: (query) => pollInterval(query.state, true, LIST_POLL_MS),
  });
}
