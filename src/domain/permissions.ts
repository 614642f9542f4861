/**
 * Who may do what in Cloud Manager: its product profiles (roles) and the permissions of its
 * custom-permissions page (reference/cm-ui.md §13), and which permission each console action
 * takes. The simulator hands the signed-in user's permission keys on each program
 * (`Program.permissions`, docs/decisions.md 19); a real Cloud Manager does not, and then nothing is gated.
 */
import type { ActionName } from '../api/actions';

export type Role = 'BUSINESS_OWNER' | 'PROGRAM_MANAGER' | 'DEPLOYMENT_MANAGER' | 'DEVELOPER';

export const ROLE_NAMES: Record<Role, string> = {
  BUSINESS_OWNER: 'Business Owner',
  PROGRAM_MANAGER: 'Program Manager',
  DEPLOYMENT_MANAGER: 'Deployment Manager',
  DEVELOPER: 'Developer',
};

const MANAGERS: Role[] = ['BUSINESS_OWNER', 'PROGRAM_MANAGER', 'DEPLOYMENT_MANAGER'];

/** The permissions, as Cloud Manager names them, and the roles that have them. */
export const PERMISSIONS = {
  executionStart: { name: 'Pipeline Executions Start', roles: MANAGERS },
  executionCancel: { name: 'Pipeline Executions Cancel', roles: MANAGERS },
  productionApprove: { name: 'Production Deployments Approve/Reject', roles: MANAGERS },
  productionSchedule: { name: 'Production Deployments Schedule', roles: MANAGERS },
  qualityOverride: { name: 'Override/Reject Important Metric Failures', roles: MANAGERS },
  pipelineEdit: { name: 'Pipeline Create / Edit / Delete', roles: ['BUSINESS_OWNER', 'DEPLOYMENT_MANAGER'] as Role[] },
  variablesEdit: { name: 'Environment / Pipeline variables edit', roles: ['DEPLOYMENT_MANAGER'] as Role[] },
  repositoryInfo: { name: 'Repository Info Access', roles: [...MANAGERS, 'DEVELOPER'] as Role[] },
} satisfies Record<string, { name: string; roles: Role[] }>;
export type Permission = keyof typeof PERMISSIONS;

/** The permission each action of src/api/actions.ts takes (re-execute is a start; the build cache is the pipeline's). */
export const ACTION_PERMISSIONS: Record<ActionName, Permission> = {
  start: 'executionStart',
  reExecute: 'executionStart',
  cancel: 'executionCancel',
  approve: 'productionApprove',
  rejectApproval: 'productionApprove',
  override: 'qualityOverride',
  rejectQuality: 'qualityOverride',
  schedule: 'productionSchedule',
  createPipeline: 'pipelineEdit',
  updatePipeline: 'pipelineEdit',
  deletePipeline: 'pipelineEdit',
  invalidateCache: 'pipelineEdit',
  patchVariables: 'variablesEdit',
  generatePassword: 'repositoryInfo',
};

/** The permission a held step's decision takes: approval, code quality or schedule; none for other steps. */
export function decisionPermission(stepAction: string): Permission | undefined {
  if (stepAction === 'approval') return 'productionApprove';
  if (stepAction === 'codeQuality') return 'qualityOverride';
  if (stepAction === 'schedule') return 'productionSchedule';
  return undefined;
}

/** "Business Owner, Program Manager or Deployment Manager". */
export function rolesText(roles: readonly string[]): string {
  const names = roles.map((role) => ROLE_NAMES[role as Role] ?? role);
  if (names.length <= 1) return names[0] ?? 'no role';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Whether `permissions` (the program's, for the signed-in user) allow `permission`: always, when
 * the API says nothing about permissions (a real Cloud Manager).
 */
export function isAllowed(permissions: readonly string[] | undefined, permission: Permission): boolean {
  return permissions === undefined || permissions.includes(permission);
}

/** Why a control is disabled, in words: the permission it needs and the roles that have it. */
export function permissionExplanation(permission: Permission, user?: { name: string; roles: readonly string[] }): string {
  const { name, roles } = PERMISSIONS[permission];
  const who = user
    ? ` You are signed in as ${user.name} (${user.roles.map((r) => ROLE_NAMES[r as Role] ?? r).join(', ') || 'no role'}).`
    : '';
  return `This needs the ${name} permission. Roles that have it: ${rolesText(roles)}.${who}`;
}
