import { describe, expect, it } from 'vitest';
import { step } from '../test/fixtures/execution-fixtures';
import { groupSteps, phaseGroupState } from './phase-groups';
import { stepDescription, stepStatusInfo, stepTitle } from './step-labels';

describe('step words', () => {
  it.each([
    ['validate', 'FINISHED', {}, 'Passed'],
    ['build', 'FINISHED', {}, 'Succeeded'],
    ['deploy', 'FINISHED', {}, 'Completed'],
    ['codeQuality', 'FINISHED', { input: { metrics: [{ kpi: 'coverage', override: true }] } }, 'Overridden'],
    ['approval', 'FINISHED', {}, 'Approved'],
    ['schedule', 'FINISHED', {}, 'Scheduled'],
    ['approval', 'CANCELLED', {}, 'Cancelled - Rejected'],
    ['build', 'CANCELLED', {}, 'Cancelled'],
    ['build', 'FAILED', {}, 'Failed'],
    ['build', 'ERROR', {}, 'Error'],
    ['functionalTest', 'INCOMPLETE', {}, 'No tests'],
    ['uiTest', 'INCOMPLETE', {}, 'No tests'],
    ['build', 'RUNNING', {}, 'Running…'],
    ['approval', 'WAITING', {}, 'Waiting for your decision'],
    ['build', 'SOMETHING_NEW', {}, 'Unknown (SOMETHING_NEW)'],
  ])('%s %s reads %s', (action, status, details, word) => {
    expect(stepStatusInfo(step(action, status, { details })).word).toBe(word);
  });

  it('never gives an unknown status a positive tone', () => {
    expect(stepStatusInfo(step('deploy', 'DONE_MAYBE')).tone).not.toBe('positive');
  });

  it('titles deploy steps by environment', () => {
    expect(stepTitle(step('deploy', 'FINISHED', { environmentType: 'stage' }))).toBe('Deploy to Stage');
    expect(stepTitle(step('deploy', 'FINISHED', { environmentType: 'prod' }))).toBe('Deploy to Production');
    expect(stepTitle(step('deploy', 'FINISHED', { environmentType: 'dev' }))).toBe('Deploy to Dev');
  });

  it('switches tense', () => {
    expect(stepDescription(step('validate', 'NOT_STARTED'))).toBe('Your pipeline will be verified against a set of pre-defined rules.');
    expect(stepDescription(step('validate', 'FINISHED'))).toBe('Your pipeline has been verified against a set of pre-defined rules.');
    expect(stepDescription(step('build', 'FINISHED', { details: { reusedArtifacts: true } }))).toBe(
      'A previously compiled build artifact has been reused for this step.',
    );
  });
});

describe('phase groups', () => {
  it('groups a production run by action and environment, not by phaseId', () => {
    const groups = groupSteps(
      [
        step('validate', 'FINISHED'),
        step('build', 'FINISHED'),
        step('deploy', 'FINISHED', { environmentType: 'stage', phaseId: '99' }),
        step('productTest', 'RUNNING'),
        step('approval', 'NOT_STARTED'),
        step('deploy', 'NOT_STARTED', { environmentType: 'prod', phaseId: '99' }),
      ],
      true,
    );
    expect(groups.map((g) => [g.title, g.steps.map((s) => s.action), phaseGroupState(g)])).toEqual([
      ['Stage Deployment', ['validate', 'build', 'deploy'], 'Done'],
      ['Stage testing', ['productTest'], 'Running'],
      ['Production Deployment', ['approval', 'deploy'], 'Pending'],
    ]);
  });

  it('marks a group waiting or failed', () => {
    const [group] = groupSteps([step('codeQuality', 'WAITING')], true);
    expect(phaseGroupState(group)).toBe('Waiting');
    const [failed] = groupSteps([step('build', 'FAILED')], true);
    expect(phaseGroupState(failed)).toBe('Failed');
  });
});
