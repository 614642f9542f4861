/** Programs: the list (the API's entry point, /api/programs in every layout) and one program. */
import * as hal from '../hal';
import { json } from '../responses';
import type { RouteContext } from '../router';

export function list(ctx: RouteContext): Response {
  const items = ctx.engine.state.programs.map((p) => hal.embeddedProgram(ctx, p));
  return json(hal.simpleList('programs', items, ctx.hrefs.programs()));
}

export function get(ctx: RouteContext<'program'>): Response {
  return json(hal.program(ctx, ctx.program, ctx.user().permissions));
}
