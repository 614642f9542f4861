import { describe, expect, it } from 'vitest';
import { pipelines } from '../test/fixtures/hal';
import { executionTriggerLabel, pipelineCategory, pipelineTriggerLabel, pipelineTypeLabel, repoBranchLabel } from './pipeline-type';

describe('pipeline type', () => {
  const [production, dev, quality] = pipelines();

  it('derives the category from the phases', () => {
    expect(pipelineCategory(production)).toBe('production');
    expect(pipelineTypeLabel(production)).toBe('Production');
    expect(pipelineTypeLabel(dev)).toBe('Non-Production · Deployment');
    expect(pipelineTypeLabel(quality)).toBe('Non-Production · Code Quality');
    expect(pipelineTypeLabel({ phases: [] })).toBe('Non-Production · Code Quality');
  });

  it('names repository and branch, falling back to the repository id', () => {
    expect(repoBranchLabel(production, [{ id: '100', repo: 'wknd' }])).toBe('wknd — main');
    expect(repoBranchLabel(production, undefined)).toBe('100 — main');
  });

  it('words triggers, keeping unknown values', () => {
    expect(pipelineTriggerLabel('ON_COMMIT')).toBe('On Git Changes');
    expect(pipelineTriggerLabel('MANUAL')).toBe('Manual');
    expect(executionTriggerLabel('PUSH_UPGRADES')).toBe('Push update');
    expect(executionTriggerLabel('RE_EXECUTE')).toBe('Re-execute');
    expect(executionTriggerLabel('ON_COMMIT')).toBe('On commit');
    expect(executionTriggerLabel('SCHEDULED')).toBe('SCHEDULED');
  });
});
