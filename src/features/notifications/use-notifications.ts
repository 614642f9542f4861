/**
 * What concerns the signed-in user, across their programs (the first 20): steps waiting for a
 * decision they may make (from each program's pipelines and the current execution of a pipeline
 * that waits) and runs that ended in the last 7 simulated days (from the simulator's journal).
 *
 * Requests: on a simulator the journal (`/_sim/events`, polled) says when to read the pipelines
 * again (a step started waiting, a run ended), so a page where nothing changes makes no API request
 * (issue #5's budget); a hold decided elsewhere drops out at once (its step ended). Against a real
 * Cloud Manager there is no journal: the pipelines lists and waiting runs are polled (5 s each), and
 * the bell shows the waiting steps only.
 */
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { currentSettings, resolveHref } from '../../api/client';
import { currentExecutionQueryOptions } from '../../api/current-execution';
import { findLink, rel } from '../../api/links';
import { pipelineListQueryOptions, resourceQueryOptions, useProgramList } from '../../api/queries';
import { queryKeys } from '../../api/query-keys';
import { targetsSimulator } from '../../api/settings';
import { simEventsQueryOptions } from '../../api/sim-events';
import type { Execution, Pipeline, Program } from '../../api/types';
import { decisionPermission, isAllowed } from '../../domain/permissions';
import { HOLD_TIMEOUT_MS, stepTitle } from '../../domain/step-labels';
import { parseApiTime } from '../../lib/format';

export const MAX_PROGRAMS = 20;

/** The hrefs that are known, each once (a query per resource: React Query wants no duplicate keys). */
function unique(hrefs: (string | undefined)[]): string[] {
  return [...new Set(hrefs.filter((href): href is string => href !== undefined))];
}
const RECENT_MS = 7 * 24 * 3600_000;

/** Which run a notification is about, with the names to show. */
interface RunRef {
  id: string;
  programId: string;
  programName: string;
  pipelineId: string;
  pipelineName: string;
  executionId: string;
}

export interface WaitingStep extends RunRef {
  kind: 'waiting';
  stepTitle: string;
  /** When it started waiting, and when it times out (14 days later). */
  since: Date;
  expires: Date;
}

export interface EndedRun extends RunRef {
  kind: 'ended';
  status: string;
  at: Date;
}

export type Notification = WaitingStep | EndedRun;

/** Every step waiting for a decision the signed-in user may make, across their programs, oldest first. */
export function useWaitingSteps(): { steps: WaitingStep[]; pipelineNames: Map<string, string>; isPending: boolean; error: Error | null } {
  const list = useProgramList();
  const journal = useQuery(simEventsQueryOptions());
  // Without the simulator's journal, poll (a real Cloud Manager).
  const poll = !targetsSimulator(currentSettings());
  const embedded = (list.data?._embedded?.programs ?? []).slice(0, MAX_PROGRAMS);
  const programs = useQueries({ queries: unique(embedded.map((p) => findLink(p, rel.self)?.href)).map(resourceQueryOptions<Program>) });
  const pipelinesHrefs = unique(programs.map((p) => findLink(p.data, rel.pipelines)?.href));
  const pipelineLists = useQueries({ queries: pipelinesHrefs.map((href) => pipelineListQueryOptions(href, poll)) });
  useReadAgainOnJournalChange(journal.data?.changes, pipelinesHrefs);
  const endedSteps = new Set(journal.data?.stepsEnded ?? []);
  const waiting: { program: Program; pipeline: Pipeline }[] = [];
  const pipelineNames = new Map<string, string>();
  for (const { data: program } of programs) {
    if (!program) continue;
    const list = pipelineLists[pipelinesHrefs.indexOf(findLink(program, rel.pipelines)?.href ?? '')]?.data;
    for (const pipeline of list?._embedded?.pipelines ?? []) {
      pipelineNames.set(`${program.id}/${pipeline.id}`, pipeline.name);
      if (pipeline.status === 'WAITING') waiting.push({ program, pipeline });
    }
  }
  const executions = useQueries({
    queries: waiting.map(({ pipeline }) => currentExecutionQueryOptions(findLink(pipeline, rel.execution)?.href, poll)),
  });
  const steps: WaitingStep[] = [];
  waiting.forEach(({ program, pipeline }, i) => {
    const execution: Execution | null | undefined = executions[i]?.data;
    for (const step of execution?._embedded?.stepStates ?? []) {
      const permission = decisionPermission(step.action);
      if (step.status !== 'WAITING' || !permission || !isAllowed(program.permissions, permission)) continue;
      const self = findLink(step, rel.self)?.href;
      if (self && endedSteps.has(resolveHref(self))) continue; // decided elsewhere since it was read
      const since = parseApiTime(step.updatedAt ?? step.startedAt);
      if (!since || !execution) continue;
      steps.push({
        kind: 'waiting',
        id: `waiting:${execution.id}:${step.id}`,
        programId: program.id,
        programName: program.name,
        pipelineId: pipeline.id,
        pipelineName: pipeline.name,
        executionId: execution.id,
        stepTitle: stepTitle(step),
        since,
        expires: new Date(since.getTime() + HOLD_TIMEOUT_MS),
      });
    }
  });
  steps.sort((a, b) => a.since.getTime() - b.since.getTime());
  const failed = [list, ...programs, ...pipelineLists].find((q) => q.error);
  const isPending = list.isPending || [...programs, ...pipelineLists, ...executions].some((q) => q.isPending);
  return { steps, pipelineNames, isPending, error: failed?.error ?? null };
}

/**
 * Reads the pipelines lists and current executions again when the journal's count of changes moves
 * (not on its first reading: they were just read).
 */
function useReadAgainOnJournalChange(changes: number | undefined, pipelinesHrefs: string[]) {
  const client = useQueryClient();
  const seen = useRef(changes);
  const hrefs = useRef(pipelinesHrefs);
  hrefs.current = pipelinesHrefs;
  useEffect(() => {
    if (changes === undefined || changes === seen.current) return;
    const first = seen.current === undefined;
    seen.current = changes;
    if (first) return;
    for (const href of hrefs.current) void client.invalidateQueries({ queryKey: queryKeys.resource(href), exact: true });
    void client.invalidateQueries({ predicate: (query) => query.queryKey[2] === queryKeys.currentExecution(undefined)[2] });
  }, [changes, client]);
}

/** Runs of the user's programs that finished, failed or were cancelled in the last 7 simulated days, newest first. */
function useEndedRuns(pipelineNames: Map<string, string>): EndedRun[] {
  const list = useProgramList();
  const journal = useQuery(simEventsQueryOptions());
  const ended = journal.data?.ended ?? [];
  const newest = parseApiTime(ended.at(-1)?.event['activitystreams:published'])?.getTime() ?? 0;
  const seen = new Set<string>();
  const recent = ended
    .filter((e) => (parseApiTime(e.event['activitystreams:published'])?.getTime() ?? 0) >= newest - RECENT_MS)
    .reverse()
    .filter((e) => !seen.has(e.event['activitystreams:object']['@id']) && seen.add(e.event['activitystreams:object']['@id']));
  const executions = useQueries({
    queries: recent.map((e) => ({ ...resourceQueryOptions<Execution>(e.event['activitystreams:object']['@id']), staleTime: Infinity })),
  });
  const names = new Map((list.data?._embedded?.programs ?? []).map((p) => [p.id, p.name]));
  const runs: EndedRun[] = [];
  recent.forEach((envelope, i) => {
    const execution = executions[i]?.data;
    if (!execution?.programId || !execution.pipelineId || !names.has(execution.programId)) return;
    runs.push({
      kind: 'ended',
      id: envelope.event_id,
      programId: execution.programId,
      programName: names.get(execution.programId) ?? execution.programId,
      pipelineId: execution.pipelineId,
      pipelineName: pipelineNames.get(`${execution.programId}/${execution.pipelineId}`) ?? `Pipeline ${execution.pipelineId}`,
      executionId: execution.id,
      status: execution.status,
      at: parseApiTime(execution.finishedAt) ?? new Date(envelope.event['activitystreams:published']),
    });
  });
  return runs;
}

const READ_KEY = 'cm-console.notifications-read';
const MAX_READ = 500;

function loadRead(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(READ_KEY) ?? '[]');
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** Which notifications were read (kept in localStorage: it survives a reload). */
export function useReadState() {
  const [read, setRead] = useState(() => new Set(loadRead()));
  const markRead = useCallback((ids: string[]) => {
    setRead((previous) => {
      const next = [...new Set([...previous, ...ids])].slice(-MAX_READ);
      try {
        localStorage.setItem(READ_KEY, JSON.stringify(next));
      } catch {
        // storage full or blocked: read state lasts for this page only
      }
      return new Set(next);
    });
  }, []);
  return { read, markRead };
}

/** The bell's notifications (waiting first, oldest first; then ended runs, newest first) and how many are unread. */
export function useNotifications() {
  const waiting = useWaitingSteps();
  const ended = useEndedRuns(waiting.pipelineNames);
  const { read, markRead } = useReadState();
  const items: Notification[] = [...waiting.steps, ...ended];
  const unread = items.filter((item) => !read.has(item.id));
  return {
    items,
    read,
    /** The waiting steps are not all known yet (the count would be too low). */
    isPending: waiting.isPending,
    unreadCount: unread.length,
    markRead,
    markAllRead: () => markRead(items.map((i) => i.id)),
  };
}
