import { describe, expect, it } from 'vitest';
import { ACTION_PERMISSIONS, decisionPermission, isAllowed, permissionExplanation } from './permissions';

describe('permissions', () => {
  it('names the permission and the roles that have it, and who is signed in', () => {
    expect(permissionExplanation('productionApprove', { name: 'Sam Okafor', roles: ['DEVELOPER'] })).toBe(
      'This needs the Production Deployments Approve/Reject permission. Roles that have it: Business Owner, Program Manager or Deployment Manager. You are signed in as Sam Okafor (Developer).',
    );
    expect(permissionExplanation('variablesEdit')).toBe(
      'This needs the Environment / Pipeline variables edit permission. Roles that have it: Deployment Manager.',
    );
  });

  it('gates only where the API tells the permissions (a real Cloud Manager does not)', () => {
    expect(isAllowed(undefined, 'executionStart')).toBe(true);
    expect(isAllowed(['repositoryInfo'], 'executionStart')).toBe(false);
    expect(isAllowed(['executionStart'], 'executionStart')).toBe(true);
  });

  it('maps actions and held steps to the permission they take', () => {
    expect(ACTION_PERMISSIONS.reExecute).toBe('executionStart');
    expect(ACTION_PERMISSIONS.rejectApproval).toBe('productionApprove');
    expect(ACTION_PERMISSIONS.invalidateCache).toBe('pipelineEdit');
    expect(decisionPermission('codeQuality')).toBe('qualityOverride');
    expect(decisionPermission('schedule')).toBe('productionSchedule');
    expect(decisionPermission('build')).toBeUndefined();
  });
});
