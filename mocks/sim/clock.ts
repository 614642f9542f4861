/** Simulated time = the wall clock times a speed factor, from an anchor; it can also jump. */
import type { SimSettings } from './model';

export const DEFAULT_SPEED = 30;
export const MAX_SPEED = 100_000;

export function simNow(settings: SimSettings, wallNow: number): number {
  return Math.floor(settings.anchorSim + (wallNow - settings.anchorWall) * settings.speed);
}

export function withSpeed(settings: SimSettings, speed: number, wallNow: number): SimSettings {
  return { ...settings, anchorSim: simNow(settings, wallNow), anchorWall: wallNow, speed };
}

export function withJump(settings: SimSettings, advanceMs: number, wallNow: number): SimSettings {
  return { ...settings, anchorSim: simNow(settings, wallNow) + advanceMs, anchorWall: wallNow };
}
