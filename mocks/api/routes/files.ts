/** Log and artifact files (what the API's redirects point at), with Range support for tailing. */
import type { Simulation } from '../../sim/engine';
import type { Execution, StepState } from '../../sim/model';
import type { LogLine, ScanIssue } from '../../sim/content/types';
import { linesUpTo } from '../../sim/content/log-files';
import { HttpError } from '../problem';
import { bytesOf, serveBytes } from '../ranges';
import type { RouteContext } from '../router';

type FileContext<P extends string> = RouteContext<'execution' | 'step', P>;

/** `…/log/<file>.log`: the log as written so far. */
export async function log(ctx: FileContext<'logFile'>): Promise<Response> {
  await ctx.engine.content.ready?.();
  const { execution, step } = ctx;
  const { logFile: name } = ctx.params;
  if (!name.endsWith('.log')) throw new HttpError(404, 'Not found', 'No such file.');
  const text = logText(ctx.engine, execution, step, name.slice(0, -4), ctx.now);
  if (text === undefined) throw new HttpError(404, 'Log not found', 'This step has not written that log yet.');
  return serveText(text, ctx.request, 'text/plain; charset=utf-8');
}

/** `…/artifact/<id>`: the artifact's file. */
export async function artifact(ctx: FileContext<'artifactId'>): Promise<Response> {
  await ctx.engine.content.ready?.();
  // The CSV writer comes with the scan-issue generator (loaded on first use in the browser).
  const { renderScanIssuesCsv } = await import('../../sim/content/scan-issues');
  const file = artifactFile(ctx.engine, ctx.execution, ctx.step, ctx.params.artifactId, renderScanIssuesCsv);
  if (!file) throw new HttpError(404, 'Artifact not found', 'No such artifact.');
  return serveText(file.text, ctx.request, file.format);
}

const encoder = new TextEncoder();

/** Full log lines per execution/step/file; bounded so a long-running server does not grow without end. */
const lineCache = new Map<string, LogLine[]>();
const CACHE_LIMIT = 64;

function cachedLines(sim: Simulation, execution: Execution, step: StepState, file: string): LogLine[] | undefined {
  const key = `${execution.id}/${step.id}/${file}/${step.status === 'NOT_STARTED' ? 0 : 1}/${step.sim.durationMs}`;
  let lines = lineCache.get(key);
  if (!lines) {
    lines = sim.content.logLines(sim.context(execution, step), file);
    if (!lines) return undefined;
    if (lineCache.size >= CACHE_LIMIT) lineCache.delete(lineCache.keys().next().value as string);
    lineCache.set(key, lines);
  }
  return lines;
}

/** The text of a step's log as written by simulated time `now` (a running step's log grows). */
function logText(sim: Simulation, execution: Execution, step: StepState, file: string, now: number): string | undefined {
  if (step.status === 'NOT_STARTED') return undefined;
  if (!sim.content.logFiles(sim.context(execution, step)).includes(file)) return undefined;
  const lines = cachedLines(sim, execution, step, file);
  if (!lines) return undefined;
  return linesUpTo(lines, sim.progress(step, now));
}

function artifactFile(
  sim: Simulation,
  execution: Execution,
  step: StepState,
  id: string,
  renderScanIssuesCsv: (issues: ScanIssue[]) => string,
): { text: string; format: string } | undefined {
  const ctx = sim.context(execution, step);
  if (id === `${step.id}-scan` && step.action === 'codeQuality')
    return { text: renderScanIssuesCsv(sim.content.scanIssues(ctx)), format: 'text/csv; charset=utf-8' };
  if (id === `${step.id}-audit` && step.action === 'contentAudit')
    return { text: JSON.stringify(sim.content.auditResults(ctx), null, 2), format: 'application/json' };
  if (id === `${step.id}-tests` && ['productTest', 'functionalTest', 'uiTest'].includes(step.action)) {
    return { text: JSON.stringify(sim.content.testResults(ctx), null, 2), format: 'application/json' };
  }
  return undefined;
}

/** Serves text as UTF-8 bytes, honouring Range (ranges.ts). */
function serveText(text: string, request: Request, contentType: string): Response {
  return serveBytes(bytesOf(encoder.encode(text)), request, contentType);
}
