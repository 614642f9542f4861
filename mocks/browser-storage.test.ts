// @vitest-environment node
/** The browser simulator's storage fails soft when the state outgrows the localStorage quota. */
import { describe, expect, it, vi } from 'vitest';
import { createStateStore } from './browser-storage';
import { createSeedState } from './sim/seed';
import { content } from './sim/content';
import { Simulation } from './sim/engine';
import { populate } from './sim/populate';

/** A Storage with a quota in characters, throwing like browsers do when it is exceeded. */
function quotaStorage(quota: number) {
  const items = new Map<string, string>();
  const setItem = vi.fn((key: string, value: string) => {
    if (value.length > quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    items.set(key, value);
  });
  return { items, setItem, getItem: (key: string) => items.get(key) ?? null, removeItem: (key: string) => void items.delete(key) };
}

describe('simulator state in localStorage', () => {
  it('keeps running past the quota: warns once, drops the stale copy, skips hopeless saves, resumes after a reset', () => {
    const storage = quotaStorage(2_000_000);
    const warn = vi.fn();
    const store = createStateStore(storage, 'k', warn);
    const seeded = createSeedState(1, Date.UTC(2026, 10, 28), content);
    expect(store.save(seeded)).toBe(true);
    expect(store.load()?.executions.length).toBe(seeded.executions.length);
    expect(storage.items.get('k')).not.toMatch(/\n|": /); // compact JSON

    const big = new Simulation(structuredClone(seeded), content);
    populate(big, { executions: 1000 });
    expect(store.save(big.state)).toBe(false);
    expect(store.save(big.state)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/could not be saved .* keeps running/);
    expect(storage.items.has('k')).toBe(false);
    expect(storage.setItem).toHaveBeenCalledTimes(2); // the second big save was skipped, not retried

    expect(store.save(seeded)).toBe(true);
    expect(store.load()?.executions.length).toBe(seeded.executions.length);
  });

  it('upgrades a state saved before pipelines were configurable (version 1)', () => {
    const storage = quotaStorage(2_000_000);
    const seeded = createSeedState(1, Date.UTC(2026, 10, 28), content);
    const old = JSON.parse(JSON.stringify(seeded));
    old.version = 1;
    for (const repository of old.repositories) delete repository.branches;
    for (const pipeline of old.pipelines) delete pipeline.variables;
    storage.items.set('k', JSON.stringify(old));
    expect(createStateStore(storage, 'k').load()).toEqual(seeded);
  });

  it('loads nothing from garbage or another version', () => {
    const storage = quotaStorage(1000);
    storage.items.set('k', '{not json');
    expect(createStateStore(storage, 'k').load()).toBeUndefined();
    storage.items.set('k', '{"version": 2}');
    expect(createStateStore(storage, 'k').load()).toBeUndefined();
  });
});
