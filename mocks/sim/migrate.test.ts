import { describe, expect, it } from 'vitest';
import { logOptionsOf } from './environments';
import { upgradeState } from './migrate';
import { STATE_VERSION, type Environment, type SimState } from './model';
import { SEED_USERS } from './users';
import { newSimulation } from './test-helpers';

/** The seed state as version 2 saved it: environments with three log options and no preview, AEM release or variables; secrets with their values. */
function asVersion2(state: SimState): Record<string, unknown> & SimState {
  const old = JSON.parse(JSON.stringify(state)) as SimState;
  (old as { version: number }).version = 2;
  for (const e of old.environments as (Partial<Environment> & { availableLogOptions?: unknown })[]) {
    e.availableLogOptions = [
      { service: 'author', name: 'aemerror' },
      { service: 'publish', name: 'aemerror' },
      { service: 'dispatcher', name: 'httpdaccess' },
    ];
    delete e.previewUrl;
    delete e.aemRelease;
    delete e.variables;
    delete e.sim;
  }
  old.pipelines[0].variables = [
    { name: 'PLAIN', type: 'string', value: 'visible' },
    { name: 'TOKEN', type: 'secretString', value: 'kept-by-version-2' },
  ];
  return old as Record<string, unknown> & SimState;
}

describe('a state saved before environment logs and variables (version 2)', () => {
  it('is upgraded: every log option, preview on dev and prod of Sites programs but Acme Intranet, an AEM release, no variables', () => {
    const { sim } = newSimulation();
    const upgraded = upgradeState(asVersion2(sim.state))!;
    expect(upgraded.version).toBe(STATE_VERSION);
    const env = (id: string) => upgraded.environments.find((e) => e.id === id)!;
    // WKND Sites (1): dev and prod have preview, stage not; Acme Intranet (3): none.
    expect(['10010', '10011', '10012'].map((id) => env(id).previewUrl !== undefined)).toEqual([true, false, true]);
    expect(['10030', '10031', '10032'].map((id) => env(id).previewUrl !== undefined)).toEqual([false, false, false]);
    expect(env('10010').previewUrl).toBe('https://preview-p1001-e10010.adobeaemcloud.com');
    // Log options are derived from preview, no longer stored.
    expect(logOptionsOf(env('10012'))).toHaveLength(15);
    expect(logOptionsOf(env('10011')).map((o) => `${o.service}/${o.name}`)).toEqual([
      'author/aemerror',
      'author/aemrequest',
      'author/aemaccess',
      'publish/aemerror',
      'publish/aemrequest',
      'publish/aemaccess',
      'dispatcher/httpdaccess',
      'dispatcher/httpderror',
      'dispatcher/aemdispatcher',
    ]);
    expect(upgraded.environments.some((e) => 'availableLogOptions' in e)).toBe(false);
    for (const e of upgraded.environments) {
      expect(e.aemRelease).toMatch(/^\d{4}\.\d{1,2}\.\d+\.\d{8}T120000Z$/);
      expect(e.variables).toEqual([]);
      expect(e.sim).toEqual({ updates: [] });
      // What the seed makes today, apart from the variables it seeds and the release history moved on.
      const seeded = sim.state.environments.find((s) => s.id === e.id)!;
      expect({ ...e, aemRelease: '', variables: [] }).toEqual({ ...seeded, aemRelease: '', variables: [] });
    }
    // A secret's value is dropped; a string keeps its value.
    expect(upgraded.pipelines[0].variables).toEqual([
      { name: 'PLAIN', type: 'string', value: 'visible' },
      { name: 'TOKEN', type: 'secretString' },
    ]);
    expect(JSON.stringify(upgraded)).not.toContain('kept-by-version-2');
  });

  it('reads only versions 1 to 4', () => {
    const { sim } = newSimulation();
    const state = JSON.parse(JSON.stringify(sim.state)) as SimState;
    expect(upgradeState(state)).toEqual(sim.state);
    for (const version of [0, 5, 2.5, '3'])
      expect(upgradeState({ ...JSON.parse(JSON.stringify(sim.state)), version }), String(version)).toBeUndefined();
  });
});

describe('a state saved before users and events (version 3)', () => {
  it("is upgraded: an empty journal, and startedBy from each run's user (a seeded user by name, the open user, or the id itself)", () => {
    const { sim } = newSimulation();
    const old = JSON.parse(JSON.stringify(sim.state)) as Omit<SimState, 'version'> & { version: number };
    old.version = 3;
    delete (old as Partial<SimState>).journal;
    const manual = old.executions.filter((e) => e.user !== '');
    for (const e of old.executions) delete e.sim.startedBy;
    manual[0].user = 'SIMULATED0USER00@AdobeID';
    manual[1].user = 'someone@example';
    const upgraded = upgradeState(old)!;
    expect(upgraded.version).toBe(4);
    expect(upgraded.journal).toEqual({ nextSeq: 1, entries: [] });
    const started = (id: string) => upgraded.executions.find((e) => e.id === id)!.sim.startedBy;
    expect(started(manual[0].id)).toEqual({ id: 'SIMULATED0USER00@AdobeID', name: 'Simulated User' });
    expect(started(manual[1].id)).toEqual({ id: 'someone@example', name: 'someone@example' });
    const seeded = manual[2];
    expect(started(seeded.id)).toEqual({ id: seeded.user, name: SEED_USERS.find((u) => u.id === seeded.user)!.name });
    expect(upgraded.executions.filter((e) => e.user === '').every((e) => e.sim.startedBy === undefined)).toBe(true);
  });
});
