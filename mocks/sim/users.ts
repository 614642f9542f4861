/**
 * Who may do what: Cloud Manager's product profiles (roles), the permissions of its
 * custom-permissions page (reference/cm-ui.md §13) and which profile has which, and the seeded
 * users. Pure data and checks: mocks/api decides who is acting (a header, a token) and asks here.
 */
import { hashString } from './content/rng';
import { DomainError } from './errors';

/** Cloud Manager's predefined product profiles. */
export const ROLES = ['BUSINESS_OWNER', 'PROGRAM_MANAGER', 'DEPLOYMENT_MANAGER', 'DEVELOPER'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  BUSINESS_OWNER: 'Business Owner',
  PROGRAM_MANAGER: 'Program Manager',
  DEPLOYMENT_MANAGER: 'Deployment Manager',
  DEVELOPER: 'Developer',
};

/**
 * The permissions, as Cloud Manager's custom-permissions page names them, and the profiles that
 * have them. Re-execute is `executionStart`; invalidating the build cache is `pipelineEdit`.
 */
const MANAGERS = ['BUSINESS_OWNER', 'PROGRAM_MANAGER', 'DEPLOYMENT_MANAGER'] as const;

export const PERMISSIONS = {
  executionStart: { name: 'Pipeline Executions Start', roles: MANAGERS, action: 'start or re-execute a pipeline execution' },
  executionCancel: { name: 'Pipeline Executions Cancel', roles: MANAGERS, action: 'cancel a pipeline execution' },
  productionApprove: {
    name: 'Production Deployments Approve/Reject',
    roles: MANAGERS,
    action: 'approve or reject a production deployment',
  },
  productionSchedule: { name: 'Production Deployments Schedule', roles: MANAGERS, action: 'schedule a production deployment' },
  qualityOverride: {
    name: 'Override/Reject Important Metric Failures',
    roles: MANAGERS,
    action: 'override or reject important metric failures',
  },
  pipelineEdit: {
    name: 'Pipeline Create / Edit / Delete',
    roles: ['BUSINESS_OWNER', 'DEPLOYMENT_MANAGER'],
    action: 'create, edit or delete a pipeline or invalidate its build cache',
  },
  variablesEdit: {
    name: 'Environment / Pipeline variables edit',
    roles: ['DEPLOYMENT_MANAGER'],
    action: 'change environment or pipeline variables',
  },
  repositoryInfo: { name: 'Repository Info Access', roles: [...MANAGERS, 'DEVELOPER'], action: 'access repository information' },
} as const satisfies Record<string, { name: string; roles: readonly Role[]; action: string }>;
export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

/** A user of the organisation: an Adobe ID, a name, an email and the product profiles they have. */
export interface User {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

/** Who did something, as recorded on an execution or a step (kept as it was, whoever the users are later). */
export interface Actor {
  id: string;
  name: string;
}

/** The seeded users: every one has access to every seeded program. The first Deployment Manager acts by default. */
export const SEED_USERS: readonly User[] = [
  { id: '4D3A9C1E7B2F6A0D5E8C1B37@AdobeID', name: 'Dana Whitfield', email: 'dana.whitfield@example.com', roles: ['BUSINESS_OWNER'] },
  { id: '9B8E2F4A6C1D3E5F7A9B0C12@AdobeID', name: 'Priya Raman', email: 'priya.raman@example.com', roles: ['PROGRAM_MANAGER'] },
  { id: 'A1B2C3D4E5F6A7B8C9D0E1F2@AdobeID', name: 'Marco Bianchi', email: 'marco.bianchi@example.com', roles: ['DEPLOYMENT_MANAGER'] },
  { id: '5E6F7A8B9C0D1E2F3A4B5C6D@AdobeID', name: 'Lena Vogel', email: 'lena.vogel@example.com', roles: ['DEPLOYMENT_MANAGER'] },
  { id: 'C0FFEE1234567890ABCDEF12@AdobeID', name: 'Sam Okafor', email: 'sam.okafor@example.com', roles: ['DEVELOPER'] },
  { id: '7A6B5C4D3E2F1A0B9C8D7E6F@AdobeID', name: 'Kenji Sato', email: 'kenji.sato@example.com', roles: ['DEVELOPER'] },
];

/** The user who acts when nobody says otherwise in the embedded simulator: a Deployment Manager (Marco Bianchi). */
export const DEFAULT_USER: User = SEED_USERS[2];

/**
 * The standalone server's one user without `--users` (as before users existed): every permission.
 * Its id is the one runs were recorded with before.
 */
export const OPEN_USER: User = {
  id: 'SIMULATED0USER00@AdobeID',
  name: 'Simulated User',
  email: 'simulated.user@example.com',
  roles: [...ROLES],
};

/** The permissions a set of roles gives, in the table's order. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSION_KEYS.filter((key) => PERMISSIONS[key].roles.some((role: Role) => roles.includes(role)));
}

export function actorOf(user: Pick<User, 'id' | 'name'>): Actor {
  return { id: user.id, name: user.name };
}

/** The seeded user with this id, if any. */
export function seedUser(id: string): User | undefined {
  return SEED_USERS.find((u) => u.id === id);
}

/**
 * A seeded user who has `permission`, drawn from `key` (the same key, the same person): who started
 * or decided a run of the seed's history or of populated data.
 */
export function seededActor(permission: Permission, key: string): Actor {
  const able = SEED_USERS.filter((u) => permissionsOf(u.roles).includes(permission));
  return actorOf(able[hashString(key) % able.length]);
}

/** "Business Owner, Program Manager or Deployment Manager". */
function rolesText(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_NAMES[r]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? 'no role');
}

/** A user as they act on a request: their permissions (from their roles, or all of them where nobody is refused). */
export interface ActingUser extends User {
  permissions: Permission[];
}

/**
 * Refuses (forbidden) unless the user has `permission`: the refusal names the permission
 * (`errors: [key]`), what it is needed for, and the roles that have it.
 */
export function requirePermission(user: ActingUser, permission: Permission): void {
  if (user.permissions.includes(permission)) return;
  const { name, roles, action } = PERMISSIONS[permission];
  const who = `${user.name} (${user.roles.map((r) => ROLE_NAMES[r]).join(', ') || 'no role'})`;
  throw new DomainError(
    'forbidden',
    'Permission required',
    `${name} is required to ${action}; ${who} does not have it. Roles that have it: ${rolesText(roles)}. Nothing was changed.`,
    [permission],
  );
}
