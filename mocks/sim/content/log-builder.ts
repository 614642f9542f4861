/**
 * Assembles a step log: each line carries a weight (simulated seconds it takes); `at` is the
 * cumulative weight up to and including the line, divided by the total (so the last line is at 1).
 * Text may be a function of the line's simulated time, or of named marks, for timestamps and durations.
 */
import type { ContentContext, LogLine } from './types';

/** The AEM release the simulated builds, images and deployments name. */
export const AEM_SDK_VERSION = '2026.11.23820.20261112T150126Z';

export interface LineClock {
  /** Epoch ms at which this line is written. */
  now: number;
  /** Epoch ms at which the step started. */
  start: number;
  /** Epoch ms at which the line after mark `name` started (the mark's position in the log). */
  mark(name: string): number;
}

type Text = string | ((clock: LineClock) => string);

type Entry = { text: Text; weight: number } | { mark: string } | { child: LogBuilder };

export class LogBuilder {
  private readonly entries: Entry[] = [];
  private pending = 0;

  /** Adds a line that takes `weight` (simulated seconds, relative) to produce. */
  line(text: Text, weight = 0.02): this {
    this.entries.push({ text, weight: weight + this.pending });
    this.pending = 0;
    return this;
  }

  lines(texts: readonly Text[], weight = 0.02): this {
    for (const text of texts) this.line(text, weight);
    return this;
  }

  /** Time passing without output: added to the next line's weight. */
  pause(weight: number): this {
    this.pending += weight;
    return this;
  }

  /** Remembers the current position (the start of the next line). */
  mark(name: string): this {
    this.entries.push({ mark: name });
    return this;
  }

  /** A placeholder filled later (its lines appear here), e.g. once the size of the rest is known. */
  child(): LogBuilder {
    const child = new LogBuilder();
    this.entries.push({ child });
    return child;
  }

  get length(): number {
    let count = 0;
    for (const entry of this.entries) {
      if ('text' in entry) count += 1;
      else if ('child' in entry) count += entry.child.length;
    }
    return count;
  }

  private flatten(texts: Text[], weights: number[], marks: Map<string, number>): void {
    for (const entry of this.entries) {
      if ('text' in entry) {
        texts.push(entry.text);
        weights.push(entry.weight);
      } else if ('mark' in entry) marks.set(entry.mark, texts.length);
      else entry.child.flatten(texts, weights, marks);
    }
    if (this.pending && weights.length) weights[weights.length - 1] += this.pending;
  }

  build(ctx: ContentContext): LogLine[] {
    const texts: Text[] = [];
    const weights: number[] = [];
    const marks = new Map<string, number>();
    this.flatten(texts, weights, marks);
    // The first line is written as the step starts.
    if (weights.length) weights[0] = Math.min(weights[0], 0.02);
    const start = stepStart(ctx);
    const duration = Math.max(1, ctx.step.sim.durationMs);
    const count = texts.length;
    const total = weights.reduce((sum, w) => sum + w, 0) || 1;
    const ats: number[] = new Array(count);
    let cumulative = 0;
    for (let i = 0; i < count; i += 1) {
      cumulative += weights[i];
      ats[i] = i === count - 1 ? 1 : Math.min(1, Math.round((cumulative / total) * 1e6) / 1e6);
    }
    const timeAt = (at: number) => start + Math.round(at * duration);
    const mark = (name: string) => {
      const index = marks.get(name);
      if (index === undefined || index === 0) return start;
      return timeAt(ats[Math.min(index, count) - 1]);
    };
    const out: LogLine[] = new Array(count);
    for (let i = 0; i < count; i += 1) {
      const text = texts[i];
      out[i] = { at: ats[i], text: typeof text === 'string' ? text : text({ now: timeAt(ats[i]), start, mark }) };
    }
    return out;
  }
}

/**
 * Epoch ms at which the step's work started (the execution's creation time when it has not
 * started; for a deployment that waited for its environment's update, the end of the update).
 */
export function stepStart(ctx: ContentContext): number {
  return ctx.step.sim.deployFrom ?? ctx.step.startedAt ?? ctx.execution.createdAt;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 2026-11-28T09:12:33Z (no millis). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Maven style: "45.123 s" or "02:31 min" or "1:02 h". */
export function mavenDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 60_000) return `${(safe / 1000).toFixed(3)} s`;
  const minutes = Math.floor(safe / 60_000);
  if (minutes < 60) return `${pad(minutes)}:${pad(Math.floor((safe % 60_000) / 1000))} min`;
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60)} h`;
}

export interface ProjectInfo {
  /** Short lowercase name, e.g. "wknd". */
  slug: string;
  /** Maven groupId and Java base package, e.g. "com.wknd.site". */
  groupId: string;
  /** The base package as a path, e.g. "com/wknd/site". */
  packagePath: string;
  /** Human title used in Maven module names, e.g. "WKND Sites". */
  title: string;
  repository: string;
  branch: string;
}

export function projectInfo(ctx: ContentContext): ProjectInfo {
  const firstWord = ctx.program.name.split(/\s+/)[0] ?? 'site';
  const slug = firstWord.toLowerCase().replace(/[^a-z0-9]/g, '') || 'site';
  const groupId = `com.${slug}.site`;
  const buildPhase = ctx.pipeline.phases.find((p) => p.type === 'BUILD');
  return {
    slug,
    groupId,
    packagePath: groupId.replace(/\./g, '/'),
    title: ctx.program.name,
    repository: ctx.step.repository ?? `${slug}-sites`,
    branch: ctx.step.branch ?? buildPhase?.branch ?? 'main',
  };
}

/** The step's target environment type ('stage' when unknown). */
export function environmentType(ctx: ContentContext): string {
  return ctx.step.environmentType ?? ctx.environment?.type ?? 'stage';
}

export function isFailure(ctx: ContentContext): boolean {
  return ctx.step.sim.result === 'FAILED' || ctx.step.sim.result === 'ERROR';
}
