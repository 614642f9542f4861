/**
 * The browser simulator's state in localStorage, failing soft: a state too big for the quota
 * (e.g. after `POST /_sim/populate`) is not saved, the simulator keeps running, and the console
 * says so once. Saving resumes once the state is smaller again (after a reset).
 */
import type { SimState } from './sim/model';
import { upgradeState } from './sim/migrate';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const sizeOf = (state: SimState) => state.programs.length + state.executions.length;

export function createStateStore(storage: Store, key: string, warn: (...args: unknown[]) => void = console.warn) {
  let warned = false;
  /** The size at which saving last failed; saving is skipped while the state is at least that big. */
  let failedAt: number | undefined;

  function load(): SimState | undefined {
    try {
      const text = storage.getItem(key);
      // A state of an earlier version is upgraded; anything else starts from the seed.
      return text ? upgradeState(JSON.parse(text)) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Saves compact JSON; false when it was not saved (too big for the quota, or storage unavailable). */
  function save(state: SimState): boolean {
    if (failedAt !== undefined && sizeOf(state) >= failedAt) return false;
    let text = '';
    try {
      text = JSON.stringify(state);
      storage.setItem(key, text);
      failedAt = undefined;
      return true;
    } catch (error) {
      failedAt = sizeOf(state);
      try {
        // An older, smaller snapshot would take a reload back in time: drop it.
        storage.removeItem(key);
      } catch {
        // storage unavailable altogether: nothing to drop
      }
      if (!warned) {
        warned = true;
        const size = text ? ` (${(text.length / 1e6).toFixed(1)} MB)` : '';
        warn(
          `[simulator] its state${size} could not be saved to localStorage; it keeps running, but a reload will start from the seed data.`,
          error,
        );
      }
      return false;
    }
  }

  return { load, save };
}
