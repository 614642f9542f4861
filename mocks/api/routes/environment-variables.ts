/**
 * An environment's variables (the spec's `variables` link on an Environment): list them, and
 * create, change or delete some with a PATCH, which then applies for 2 simulated minutes
 * (sim/environment-variables.ts).
 */
import { checkCanChange, patchEnvironmentVariables } from '../../sim/environment-variables';
import * as hal from '../hal';
import { variableChangesFrom } from '../pipeline-bodies';
import { json, noContent } from '../responses';
import type { RouteContext } from '../router';

export function list(ctx: RouteContext<'environment'>): Response {
  return json(hal.environmentVariableList(ctx, ctx.environment));
}

/**
 * PATCH: 204 once the change is accepted (it applies from now on); 409 while the environment
 * applies another change or a deployment to it runs (checked before the body), 400 with each bad
 * variable named. Nothing changes on a refusal.
 */
export function update(ctx: RouteContext<'environment'>): Response {
  checkCanChange(ctx.engine, ctx.environment, ctx.now);
  patchEnvironmentVariables(ctx.engine, ctx.environment, variableChangesFrom(ctx.body, 'environment'), ctx.now);
  ctx.simulator.changed();
  return noContent();
}
