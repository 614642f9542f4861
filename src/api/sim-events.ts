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

/** What the console keeps of the journal: where to read on, and the latest runs that ended. */
export interface JournalReading {
  next: string | undefined;
  /** Execution-ended events, oldest first (the last `KEEP`). */
  ended: SimEventEnvelope[];
}

const PAGE = 500;
const KEEP = 50;
const MAX_PAGES = 10;

/** An execution-ended event (`…/event/ended` on a pipeline execution). */
export function isExecutionEnd(envelope: SimEventEnvelope): boolean {
  const event = envelope.event;
  return event['@type'].endsWith('/event/ended') && event['xdmEventEnvelope:objectType'].endsWith('/pipeline-execution');
}

async function readPage(since: string | undefined, signal: AbortSignal): Promise<JournalPage> {
  const query = since === undefined ? `limit=${PAGE}` : `since=${encodeURIComponent(since)}&limit=${PAGE}`;
  return readJson<JournalPage>(await request(simUrl(`events?${query}`), { signal }));
}

async function readOn(previous: JournalReading | undefined, signal: AbortSignal): Promise<JournalReading> {
  let next = previous?.next;
  let ended = previous?.ended ?? [];
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    let page: JournalPage;
    try {
      page = await readPage(next, signal);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 400 && next !== undefined)) throw error;
      // The journal was reset (or dropped what we had not read): read it again from the start.
      next = undefined;
      ended = [];
      continue;
    }
    ended = [...ended, ...page.events.filter(isExecutionEnd)].slice(-KEEP);
    next = page.next;
    if (page.events.length < PAGE) break;
  }
  return { next, ended };
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
