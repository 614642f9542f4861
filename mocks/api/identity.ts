/**
 * Who is acting on a request, and with which permissions. Three ways, one per entry point:
 * - embedded (the browser, Node tests): `x-sim-user: <user id>` picks one of the seeded users; a
 *   Deployment Manager when absent; an id that names nobody is refused (401);
 * - tokens (the standalone server with `--users <file>`): `Authorization: Bearer <token>` picks the
 *   user the file gives that token; an unknown token is the gateway's 401;
 * - open (the standalone server without `--users`): nobody is refused (every permission, as before
 *   users existed); `x-sim-user` still names who did it.
 */
import {
  DEFAULT_USER,
  OPEN_USER,
  PERMISSION_KEYS,
  ROLES,
  SEED_USERS,
  permissionsOf,
  seedUser,
  type ActingUser,
  type Role,
  type User,
} from '../sim/users';
import { gatewayError, problem } from './problem';

export type AccessMode = 'embedded' | 'tokens' | 'open';

export interface Access {
  mode: AccessMode;
  /** The users `GET /_sim/users` lists (never a token). */
  users(): ActingUser[];
  /** Who acts for `request`, or the answer refusing it (401). */
  resolve(request: Request): ActingUser | Response;
}

const withRolePermissions = (user: User): ActingUser => ({ ...user, roles: [...user.roles], permissions: permissionsOf(user.roles) });
const withEveryPermission = (user: User): ActingUser => ({ ...user, roles: [...user.roles], permissions: [...PERMISSION_KEYS] });

/** The embedded simulator: the seeded users, chosen by `x-sim-user` (a Deployment Manager by default). */
export function embeddedAccess(): Access {
  return {
    mode: 'embedded',
    users: () => SEED_USERS.map(withRolePermissions),
    resolve(request) {
      const id = request.headers.get('x-sim-user');
      if (id === null || id === '') return withRolePermissions(DEFAULT_USER);
      const user = seedUser(id);
      if (user) return withRolePermissions(user);
      return problem(
        401,
        'Unknown user',
        `x-sim-user "${id.slice(0, 64)}" is not a user of this simulator; GET /_sim/users lists them. Nothing was changed.`,
      );
    },
  };
}

/**
 * The standalone server without `--users`: one user with every permission. `x-sim-user` names who
 * did it (a seeded user's id gives their name; another id is recorded as it is, as before).
 */
export function openAccess(): Access {
  return {
    mode: 'open',
    users: () => [OPEN_USER, ...SEED_USERS].map(withEveryPermission),
    resolve(request) {
      const id = request.headers.get('x-sim-user') ?? '';
      const named = seedUser(id) ?? (/^[\w.@-]{1,64}$/.test(id) ? { id, name: id, email: '', roles: [...ROLES] } : OPEN_USER);
      return withEveryPermission(named);
    },
  };
}

/** A user of a `--users` file: a user and the access token that selects them. */
export interface TokenUser extends User {
  token: string;
}

/** The standalone server with `--users`: the bearer token selects the user; an unknown one is the gateway's 401. */
export function tokenAccess(users: readonly TokenUser[]): Access {
  const byToken = new Map(users.map((u) => [u.token, u]));
  return {
    mode: 'tokens',
    users: () => users.map(({ token: _token, ...user }) => withRolePermissions(user)),
    resolve(request) {
      const token = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      const found = token === undefined ? undefined : byToken.get(token);
      if (!found) return gatewayError(401, '401013', 'Oauth token is not valid');
      const { token: _token, ...user } = found;
      return withRolePermissions(user);
    },
  };
}

const USERS_FILE_SHAPE = '{"users": [{"id", "name", "email", "roles": ["DEVELOPER", …], "token"}, …]}';

/** Reads the users of a `--users` file's JSON; throws an Error naming the first problem (where, what, what was expected). */
export function parseUsersFile(value: unknown): TokenUser[] {
  const fail = (message: string): never => {
    throw new Error(message);
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(`expected ${USERS_FILE_SHAPE}`);
  const list = (value as Record<string, unknown>).users;
  if (!Array.isArray(list) || list.length === 0) fail(`"users" must be a non-empty array: ${USERS_FILE_SHAPE}`);
  const ids = new Set<string>();
  const tokens = new Set<string>();
  return (list as unknown[]).map((item, index) => {
    const where = `users[${index}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item))
      return fail(`${where} must be an object {"id", "name", "email", "roles", "token"}`);
    const entry = item as Record<string, unknown>;
    const unknown = Object.keys(entry).filter((key) => !['id', 'name', 'email', 'roles', 'token'].includes(key));
    if (unknown.length) fail(`${where} has an unknown field "${unknown[0].slice(0, 40)}" (fields: id, name, email, roles, token)`);
    const text = (key: string, pattern: RegExp, expected: string): string => {
      const field = entry[key];
      if (typeof field !== 'string' || !pattern.test(field)) fail(`${where}.${key} must be ${expected}`);
      return field as string;
    };
    const id = text('id', /^[\w.@-]{1,64}$/, 'a user id of 1 to 64 letters, digits, ".", "_", "-" or "@" (e.g. "A1B2…@AdobeID")');
    const name = text('name', /^[^\p{Cc}]{1,100}$/u, 'a name of 1 to 100 characters');
    const email = text('email', /^[^\s@]{1,64}@[^\s@]{1,190}$/, 'an email address');
    const token = text('token', /^[\x21-\x7e]{8,4096}$/, 'a token of 8 or more printable characters without spaces');
    const roles = entry.roles;
    if (!Array.isArray(roles) || roles.length === 0) fail(`${where}.roles must be a non-empty array of ${ROLES.join(', ')}`);
    for (const [i, role] of (roles as unknown[]).entries())
      if (!(ROLES as readonly unknown[]).includes(role))
        fail(`${where}.roles[${i}] ${JSON.stringify(role)?.slice(0, 40)} is not a role (roles: ${ROLES.join(', ')})`);
    if (ids.has(id)) fail(`${where}.id "${id}" is given twice`);
    if (tokens.has(token)) fail(`${where}.token is the same as an earlier user's`);
    ids.add(id);
    tokens.add(token);
    return { id, name, email, roles: [...new Set(roles as Role[])], token };
  });
}
