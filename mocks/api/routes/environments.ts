/** A program's environments (`?type=` filters the list). */
import * as hal from '../hal';
import { json } from '../responses';
import type { RouteContext } from '../router';

export function list(ctx: RouteContext<'program'>): Response {
  const type = ctx.url.searchParams.get('type');
  const environments = ctx.engine.state.environments.filter((e) => e.programId === ctx.program.id && (!type || e.type === type));
  return json(
    hal.simpleList(
      'environments',
      environments.map((e) => hal.environment(ctx, e)),
      ctx.hrefs.environments(ctx.program.id),
    ),
  );
}

export function get(ctx: RouteContext<'environment'>): Response {
  return json(hal.environment(ctx, ctx.environment));
}
