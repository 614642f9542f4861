/** Roles and permissions as Cloud Manager's custom-permissions page has them, and a seed history made by several people. */
import { describe, expect, it } from 'vitest';
import { populate } from './populate';
import { PERMISSIONS, PERMISSION_KEYS, ROLES, SEED_USERS, permissionsOf, requirePermission, type Permission, type Role } from './users';
import { newSimulation, refusal } from './test-helpers';

describe('roles and permissions', () => {
  it('are the table of the contract (cm-ui.md §13)', () => {
    const table = Object.fromEntries(
      PERMISSION_KEYS.map((key) => [key, ROLES.map((role) => PERMISSIONS[key].roles.some((r: Role) => r === role))]),
    );
    // Business Owner, Program Manager, Deployment Manager, Developer
    expect(table).toEqual({
      executionStart: [true, true, true, false],
      executionCancel: [true, true, true, false],
      productionApprove: [true, true, true, false],
      productionSchedule: [true, true, true, false],
      qualityOverride: [true, true, true, false],
      pipelineEdit: [true, false, true, false],
      variablesEdit: [false, false, true, false],
      repositoryInfo: [true, true, true, true],
    });
    expect(permissionsOf(['DEPLOYMENT_MANAGER'])).toEqual(PERMISSION_KEYS);
    expect(permissionsOf(['DEVELOPER'])).toEqual(['repositoryInfo']);
    expect(permissionsOf(['DEVELOPER', 'PROGRAM_MANAGER'])).toContain('executionStart');
  });

  it('refuses with the permission’s key, its name and the roles that have it', () => {
    const sam = { ...SEED_USERS[4], permissions: permissionsOf(SEED_USERS[4].roles) };
    const error = refusal(() => requirePermission(sam, 'variablesEdit'));
    expect(error.code).toBe('forbidden');
    expect(error.errors).toEqual(['variablesEdit']);
    expect(error.message).toBe(
      'Environment / Pipeline variables edit is required to change environment or pipeline variables; Sam Okafor (Developer) does not have it. Roles that have it: Deployment Manager. Nothing was changed.',
    );
    expect(() => requirePermission(sam, 'repositoryInfo')).not.toThrow();
  });
});

describe('the seed history', () => {
  it('was made by several people, each allowed to do what they did', () => {
    const { sim } = newSimulation();
    const allowed = (id: string, permission: Permission) => permissionsOf(SEED_USERS.find((u) => u.id === id)!.roles).includes(permission);
    const manual = sim.state.executions.filter((e) => e.trigger === 'MANUAL' || e.trigger === 'RE_EXECUTE');
    const starters = new Set(manual.map((e) => e.user));
    expect(starters.size).toBeGreaterThanOrEqual(3);
    for (const e of manual) {
      expect(e.sim.startedBy).toEqual({ id: e.user, name: SEED_USERS.find((u) => u.id === e.user)!.name });
      expect(allowed(e.user, 'executionStart')).toBe(true);
    }
    for (const e of sim.state.executions.filter((x) => x.trigger === 'ON_COMMIT' || x.trigger === 'PUSH_UPGRADES')) {
      expect(e.user).toBe('');
      expect(e.sim.startedBy).toBeUndefined();
    }
    const decided = sim.state.executions
      .flatMap((e) => e.steps)
      .filter((s) => s.sim.endedBy && s.sim.endedBy !== 'behavior' && s.sim.endedBy !== 'timeout');
    expect(decided.length).toBeGreaterThan(10);
    const deciders = new Set(decided.map((s) => s.sim.decision!.by.id));
    expect(deciders.size).toBeGreaterThanOrEqual(3);
    for (const step of decided) {
      expect(step.sim.decision!.at).toBe(step.finishedAt);
      const permission =
        step.action === 'approval' ? 'productionApprove' : step.action === 'schedule' ? 'productionSchedule' : 'qualityOverride';
      expect(allowed(step.sim.decision!.by.id, permission)).toBe(true);
    }
    // Schedules decided "now" are recorded too.
    expect(sim.state.executions.flatMap((e) => e.steps).some((s) => s.action === 'schedule' && s.sim.decision)).toBe(true);
  });

  it('populated history is made by several people too', () => {
    const { sim } = newSimulation();
    populate(sim, { executions: 300 });
    const added = sim.state.executions.slice(0, 250);
    expect(new Set(added.map((e) => e.sim.startedBy?.name)).size).toBeGreaterThanOrEqual(3);
    const approvals = added.flatMap((e) => e.steps).filter((s) => s.action === 'approval' && s.finishedAt !== undefined);
    expect(approvals.every((s) => s.sim.decision?.at === s.finishedAt)).toBe(true);
  });
});
