/** A program's repositories (paged, 20 by default), one repository, and its branches. */
import * as hal from '../hal';
import { page } from '../paging';
import { json } from '../responses';
import type { RouteContext } from '../router';

export function list(ctx: RouteContext<'program'>): Response {
  const repositories = ctx.engine.state.repositories.filter((r) => r.programId === ctx.program.id);
  return json(page(ctx.url, 'repositories', repositories, 20, ctx.hrefs.repositories(ctx.program.id), (r) => hal.repository(ctx, r)));
}

export function get(ctx: RouteContext<'repository'>): Response {
  return json(hal.repository(ctx, ctx.repository));
}

export function branches(ctx: RouteContext<'repository'>): Response {
  return json(hal.branchList(ctx, ctx.repository));
}
