/** A program's pipelines (paged, 500 by default) and one pipeline. */
import * as hal from '../hal';
import { page } from '../paging';
import { json } from '../responses';
import type { RouteContext } from '../router';

export function list(ctx: RouteContext<'program'>): Response {
  const pipelines = ctx.engine.state.pipelines.filter((p) => p.programId === ctx.program.id);
  return json(page(ctx.url, 'pipelines', pipelines, 500, ctx.hrefs.pipelines(ctx.program.id), (p) => hal.pipeline(ctx, p)));
}

export function get(ctx: RouteContext<'pipeline'>): Response {
  return json(hal.pipeline(ctx, ctx.pipeline));
}
