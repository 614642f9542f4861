/** A pipeline's variables (the spec's `variables` link): list them, and create, change or delete some with a PATCH. */
import { checkIdle } from '../../sim/pipeline-config';
import { patchVariables } from '../../sim/variables';
import * as hal from '../hal';
import { variableChangesFrom } from '../pipeline-bodies';
import { json, noContent } from '../responses';
import type { RouteContext } from '../router';

export function list(ctx: RouteContext<'pipeline'>): Response {
  return json(hal.variableList(ctx, ctx.pipeline));
}

/** PATCH: 204 once every change is applied; 400 (each bad variable named) or 412 (the pipeline runs) and nothing changes. */
export function update(ctx: RouteContext<'pipeline'>): Response {
  checkIdle(ctx.engine, ctx.pipeline, ctx.now);
  patchVariables(ctx.engine, ctx.pipeline, variableChangesFrom(ctx.body), ctx.now);
  ctx.simulator.changed();
  return noContent();
}
