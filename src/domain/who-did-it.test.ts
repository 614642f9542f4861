import { describe, expect, it } from 'vitest';
import type { StepState } from '../api/types';
import { formatFinishTime } from '../lib/format';
import { decisionText, startedByText } from './who-did-it';

const marco = { id: 'A1B2C3D4E5F6A7B8C9D0E1F2@AdobeID', name: 'Marco Bianchi' };
const at = '2026-11-23T22:53:06.000+0000';
const step = (action: string, status: string, details: Record<string, unknown> = {}): Pick<StepState, 'action' | 'status' | 'details'> => ({
  action,
  status,
  details,
});

describe('who did it', () => {
  it('names who decided a step, with the verb of the decision and its time', () => {
    const on = formatFinishTime(at);
    expect(decisionText(step('approval', 'FINISHED', { decidedBy: marco, decidedAt: at }))).toBe(`Approved by Marco Bianchi on ${on}`);
    expect(decisionText(step('approval', 'CANCELLED', { decidedBy: marco, decidedAt: at }))).toBe(`Rejected by Marco Bianchi on ${on}`);
    expect(decisionText(step('codeQuality', 'FINISHED', { decidedBy: marco, decidedAt: at }))).toBe(`Overridden by Marco Bianchi on ${on}`);
    expect(decisionText(step('codeQuality', 'FAILED', { decidedBy: marco, decidedAt: at }))).toBe(`Rejected by Marco Bianchi on ${on}`);
    expect(decisionText(step('schedule', 'FINISHED', { decidedBy: marco, decidedAt: at }))).toBe(`Scheduled by Marco Bianchi on ${on}`);
    expect(decisionText(step('schedule', 'CANCELLED', { decidedBy: marco, decidedAt: at, scheduledBy: marco }))).toBe(
      `Cancelled by Marco Bianchi on ${on}`,
    );
    expect(decisionText(step('build', 'CANCELLED', { decidedBy: marco, decidedAt: at }))).toBe(`Cancelled by Marco Bianchi on ${on}`);
  });

  it('a deployment scheduled for later reads "Scheduled by … for <time>"', () => {
    const later = '2026-11-25T08:00:00.000Z';
    expect(decisionText(step('schedule', 'RUNNING', { scheduledBy: marco, scheduledFor: later, decidedBy: marco, decidedAt: at }))).toBe(
      `Scheduled by Marco Bianchi for ${formatFinishTime(later)}`,
    );
  });

  it('says nothing when nobody is named (a timeout, a real Cloud Manager) or the step was not decided', () => {
    expect(decisionText(step('approval', 'CANCELLED', { timedOut: true }))).toBeUndefined();
    expect(decisionText(step('approval', 'WAITING', {}))).toBeUndefined();
    expect(decisionText(step('build', 'FINISHED', { decidedBy: marco, decidedAt: at }))).toBeUndefined();
    expect(decisionText(step('approval', 'FINISHED', { decidedBy: { id: 'x', name: '' } }))).toBeUndefined();
  });

  it('who started a run: the name, else the API user id, else nothing', () => {
    expect(startedByText({ startedBy: marco, user: marco.id })).toBe('Marco Bianchi');
    expect(startedByText({ user: 'SOMEONE@AdobeID' })).toBe('SOMEONE@AdobeID');
    expect(startedByText({ user: '' })).toBe('');
  });
});
