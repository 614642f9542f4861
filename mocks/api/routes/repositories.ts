/** A program's repositories (paged, 20 by default), one repository, its branches, and a new git password (simulator extension). */
import { generatePassword as newPassword } from '../../sim/git';
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

/**
 * POST the repository's `generatePassword` link (simulator extension): a new git password for the
 * program's technical user, shown once and never stored (the simulator serves no git).
 */
export function generatePassword(ctx: RouteContext<'repository'>): Response {
  const credentials = newPassword(ctx.engine, ctx.repository);
  ctx.simulator.changed();
  return json(credentials);
}
