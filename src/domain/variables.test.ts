import { describe, expect, it } from 'vitest';
import { draftsOf, problemsNaming, variableChanges, variableNameProblem, variableValueProblem } from './variables';

describe('variable rules', () => {
  it('names: 2–100 characters of letters, digits and _, not starting with a digit, no reserved prefix, not taken', () => {
    expect(variableNameProblem('', [])).toBe('Enter a name.');
    expect(variableNameProblem('A', [])).toMatch(/2 to 100 characters/);
    expect(variableNameProblem('A'.repeat(101), [])).toMatch(/2 to 100 characters/);
    expect(variableNameProblem('1ABC', [])).toMatch(/does not start with a digit/);
    expect(variableNameProblem('MY-VAR', [])).toMatch(/only letters, digits and "_"/);
    for (const prefix of ['INTERNAL_', 'ADOBE_', 'CONST_', 'CM_', 'cm_'])
      expect(variableNameProblem(`${prefix}X`, [])).toBe(`Names starting with ${prefix.toUpperCase()} are reserved.`);
    expect(variableNameProblem('MAVEN_OPTS', ['MAVEN_OPTS'])).toBe('There is already a variable named MAVEN_OPTS.');
    expect(variableNameProblem('_my_var2', [])).toBeUndefined();
  });

  it('values: not empty, at most 2048 characters, a secret fewer than 500', () => {
    expect(variableValueProblem('', 'string')).toMatch(/Enter a value/);
    expect(variableValueProblem('x'.repeat(2048), 'string')).toBeUndefined();
    expect(variableValueProblem('x'.repeat(2049), 'string')).toMatch(/at most 2048/);
    expect(variableValueProblem('x'.repeat(499), 'secretString')).toBeUndefined();
    expect(variableValueProblem('x'.repeat(500), 'secretString')).toMatch(/fewer than 500/);
  });

  it('changes: added, changed, deleted; untouched rows and a row added then deleted are not changes; secrets have no saved value', () => {
    const drafts = draftsOf([
      { name: 'KEEP', type: 'string', value: 'same' },
      { name: 'EDIT', type: 'string', value: 'old' },
      { name: 'GONE', type: 'string', value: 'x' },
      { name: 'TOKEN', type: 'secretString' },
    ]);
    expect(drafts.find((d) => d.name === 'TOKEN')).toEqual({
      name: 'TOKEN',
      type: 'secretString',
      saved: true,
      savedValue: undefined,
      deleted: false,
    });
    drafts[0].value = 'same';
    drafts[1].value = 'new';
    drafts[2].deleted = true;
    drafts[3].value = 'rotated';
    drafts.push({ name: 'ADDED', type: 'string', value: 'v', saved: false, deleted: false });
    drafts.push({ name: 'NEVER', type: 'string', value: 'v', saved: false, deleted: true });
    expect(variableChanges(drafts)).toEqual({
      added: [{ name: 'ADDED', type: 'string', value: 'v' }],
      changed: [
        { name: 'EDIT', type: 'string', value: 'new', savedValue: 'old' },
        { name: 'TOKEN', type: 'secretString', value: 'rotated', savedValue: undefined },
      ],
      deleted: [{ name: 'GONE', type: 'string' }],
    });
  });

  it('finds the server’s problems that name a variable (quoted), not those of a longer name', () => {
    const errors = [
      '"FOO": names starting with CM_ are reserved',
      '"FOO_BAR": a value has at most 2048 characters',
      '[2] "FOO".value: must be a string',
    ];
    expect(problemsNaming('FOO', errors)).toEqual([errors[0], errors[2]]);
    expect(problemsNaming('BAZ', errors)).toEqual([]);
  });
});
