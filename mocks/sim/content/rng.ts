/**
 * Seeded randomness for the content generators: mulberry32 plus FNV-1a string hashing.
 * Every choice is drawn from a stream keyed by (execution seed, purpose), so the text of one log or
 * one artifact never depends on which other generator ran before it.
 */
import type { ContentContext } from './types';

/** FNV-1a, then murmur3's finaliser so that similar strings give unrelated seeds. */
export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** `count` distinct items in random order (all of them when count >= items.length). */
  sample<T>(items: readonly T[], count: number): T[];
  /** A lowercase hex string of `length` digits. */
  hex(length: number): string;
}

export function createRng(seed: number | string): Rng {
  let a = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
    sample: (items, count) => {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, Math.max(0, count));
    },
    hex: (length) => {
      let out = '';
      for (let i = 0; i < length; i += 1) out += '0123456789abcdef'[Math.floor(next() * 16)];
      return out;
    },
  };
}

/** A stream for this execution and `purpose` (e.g. 'build-log', 'audit:/us/en.html'). */
export function rngFor(ctx: ContentContext, ...purpose: string[]): Rng {
  return createRng(hashString(`${ctx.execution.sim.seed >>> 0}|${purpose.join('|')}`));
}

/** A stream that ignores the execution seed (stable across runs), e.g. a page's baseline scores. */
export function stableRng(...purpose: string[]): Rng {
  return createRng(hashString(`stable|${purpose.join('|')}`));
}
