import { describe, expect, it } from 'vitest';
import { logAnchor, logLineHash, parseLogHash } from './log-anchor';

describe('links to a line of a step log', () => {
  it('writes and reads links to a line', () => {
    expect(logAnchor('Build & Unit Testing')).toBe('build-unit-testing');
    expect(logLineHash('build-unit-testing', 1234)).toBe('#log-build-unit-testing-L1234');
    expect(parseLogHash('#log-build-unit-testing-L1234')).toEqual({ anchor: 'build-unit-testing', line: 1234 });
    expect(parseLogHash('#log-build-unit-testing')).toEqual({ anchor: 'build-unit-testing', line: undefined });
    expect(parseLogHash('#something')).toBeUndefined();
  });
});
