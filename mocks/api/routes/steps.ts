/** A step of an execution: its state, the decisions on it (advance, cancel), and its logs, metrics and artifacts. */
import { cancelRequestFrom, decisionFrom, requireBody } from '../decision-bodies';
import { actorOf } from '../../sim/users';
import * as hal from '../hal';
import { HttpError } from '../problem';
import { accepted, json, redirectTo } from '../responses';
import type { RouteContext } from '../router';

type StepContext<P extends string = never> = RouteContext<'execution' | 'step', P>;

export function get(ctx: StepContext): Response {
  return json(hal.stepState(ctx, ctx.execution, ctx.step));
}

/**
 * PUT advance: a step that is not waiting is refused (409) whatever the body says; otherwise the
 * body is the decision, recorded with the acting user (`details.decidedBy`).
 */
export function advance(ctx: StepContext): Response {
  const { engine, execution, step } = ctx;
  requireBody(ctx.body);
  engine.checkCanAdvance(step);
  engine.advance(execution, step, decisionFrom(step, ctx.body), ctx.now, actorOf(ctx.user()));
  ctx.simulator.changed();
  return accepted();
}

/** PUT cancel: likewise, 409 first when the step cannot be cancelled now. */
export function cancel(ctx: StepContext): Response {
  const { engine, execution, step } = ctx;
  requireBody(ctx.body);
  engine.checkCanCancel(execution, step);
  engine.cancel(execution, step, cancelRequestFrom(step, ctx.body), ctx.now, actorOf(ctx.user()));
  ctx.simulator.changed();
  return accepted();
}

/** `?file=` (main by default): a redirect to the log file, as `{redirect}` JSON when asked for JSON, else 307. */
export function logs(ctx: StepContext): Response {
  const { execution, step } = ctx;
  const file = ctx.url.searchParams.get('file') ?? 'main';
  const files = hal.logFilesOf(ctx, execution, step);
  if (!files.includes(file))
    throw new HttpError(
      404,
      'Log not found',
      `The ${step.action} step has no log "${file.slice(0, 40)}". Available: ${files.join(', ') || 'none'}.`,
    );
  if (step.status === 'NOT_STARTED') throw new HttpError(404, 'Log not found', 'The step has not started yet.');
  return redirectTo(ctx.request, new URL(ctx.hrefs.logFile(execution.id, step.id, file), ctx.url).toString());
}

export function metrics(ctx: StepContext): Response {
  const metrics = ctx.engine.metrics(ctx.execution, ctx.step);
  if (metrics === undefined) throw new HttpError(404, 'No metrics', `The ${ctx.step.action} step has no metrics.`);
  return json({ metrics });
}

export function artifacts(ctx: StepContext): Response {
  return json(hal.artifactList(ctx, ctx.execution, ctx.step));
}

/** One artifact: `{redirect}` to its file. */
export function artifact(ctx: StepContext<'artifactId'>): Response {
  const { execution, step } = ctx;
  const { artifactId } = ctx.params;
  const found = hal.artifactKinds(step).find((a) => a.id === artifactId);
  if (!found) throw new HttpError(404, 'Artifact not found', `Artifact ${artifactId.slice(0, 40)} does not exist.`);
  return json({ redirect: new URL(ctx.hrefs.artifactFile(execution.id, step.id, found.id), ctx.url).toString() });
}
