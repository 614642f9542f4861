/** A pipeline's executions: the current one (GET), starting one (PUT), the history, and one execution. */
import { actorOf } from '../../sim/users';
import * as hal from '../hal';
import { page } from '../paging';
import { HttpError } from '../problem';
import { json, jsonOnce } from '../responses';
import type { RouteContext } from '../router';
import { checkId } from '../scope';

export function current(ctx: RouteContext<'pipeline'>): Response {
  const execution = ctx.engine.currentExecution(ctx.pipeline.id);
  if (!execution) throw new HttpError(404, 'No current execution', `Pipeline ${ctx.pipeline.id} is not running.`);
  return json(hal.execution(ctx, execution));
}

/** PUT: start a run (its `user` is the acting user); with `?stepId=` (the reExecute link) re-execute the last run's production deployment. */
export function start(ctx: RouteContext<'pipeline'>): Response {
  const { searchParams } = ctx.url;
  const mode = searchParams.get('pipelineExecutionMode');
  if (mode !== null && mode !== 'NORMAL')
    throw new HttpError(400, 'Invalid pipelineExecutionMode', 'Only NORMAL is available for AEM as a Cloud Service programs.');
  const stepId = searchParams.get('stepId') ?? undefined;
  if (stepId !== undefined) checkId(stepId, 'step');
  const execution = ctx.engine.start(ctx.pipeline.programId, ctx.pipeline.id, ctx.now, { stepId, user: actorOf(ctx.user()) });
  ctx.simulator.changed();
  const representation = hal.execution(ctx, execution);
  return json(representation, 201, { location: new URL(representation._links.self.href, ctx.url).toString() });
}

/** The history, newest first (paged, 20 by default). */
export function list(ctx: RouteContext<'pipeline'>): Response {
  const { pipeline } = ctx;
  const all = ctx.engine.executionsOf(pipeline.id);
  return json(page(ctx.url, 'executions', all, 20, ctx.hrefs.executions(pipeline.programId, pipeline.id), (e) => hal.execution(ctx, e)));
}

/** One execution; an ended one's JSON is reused as it is (the most polled resource). */
export function get(ctx: RouteContext<'execution'>): Response {
  return jsonOnce(hal.execution(ctx, ctx.execution));
}
