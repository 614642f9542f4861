/**
 * Users and what they may do (simulation controls, never gated): who is acting on this request,
 * and every user with their roles and permissions (never a token), with the permission table.
 */
import { PERMISSIONS, ROLE_NAMES } from '../../sim/users';
import { json } from '../responses';
import type { RouteContext } from '../router';

/** GET: the acting user (as `x-sim-user` or the bearer token says), their roles and permissions, and how users are told apart. */
export function whoami(ctx: RouteContext): Response {
  return json({ ...ctx.user(), mode: ctx.access.mode });
}

/** GET: the users, the role names and the permission table. */
export function list(ctx: RouteContext): Response {
  return json({ mode: ctx.access.mode, users: ctx.access.users(), roles: ROLE_NAMES, permissions: PERMISSIONS });
}
