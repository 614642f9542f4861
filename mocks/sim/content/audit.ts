/**
 * Experience audit (Lighthouse) results. Per-page scores are a mock-only extension (the API has
 * only the aggregate metrics): a stable baseline per (pipeline, page), plus a small per-run noise
 * from the execution seed, plus a run-wide shift for the 'regression' / 'improvement' outcomes.
 * The 'steady' outcome has neither noise, shift nor one-off failures: every steady run of a
 * pipeline gives the same scores. Mobile scores are lower than desktop. Aggregates are the median
 * of the mobile scores.
 */
import type { Metric } from '../model';
import { LogBuilder, isFailure, isoSeconds } from './log-builder';
import { makeMetric } from './metrics';
import { rngFor, stableRng } from './rng';
import type { AuditResults, AuditScores, ContentContext, LogLine } from './types';

export const AUDIT_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo', 'pwa'] as const;
type Category = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_FAILURE_REASONS = [
  'The page could not be accessed because of the configuration',
  'The page does not exist',
  'The page redirects to an authentication other than basic',
  'Internal error',
] as const;

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

function scores(make: (category: Category) => number): AuditScores {
  return {
    performance: make('performance'),
    accessibility: make('accessibility'),
    'best-practices': make('best-practices'),
    seo: make('seo'),
    pwa: make('pwa'),
  };
}

/** The page's usual desktop scores and its mobile gap, the same in every run of the pipeline. */
function baseline(pipelineId: string, path: string): { desktop: AuditScores; gap: AuditScores } {
  const rng = stableRng('audit-baseline', pipelineId, path);
  const desktop = scores((c) =>
    c === 'performance' ? rng.int(72, 97) : c === 'pwa' ? rng.int(40, 70) : c === 'seo' ? rng.int(82, 100) : rng.int(80, 100),
  );
  const gap = scores((c) => (c === 'performance' ? rng.int(12, 30) : c === 'pwa' ? rng.int(5, 15) : rng.int(0, 5)));
  return { desktop, gap };
}

/** The run-wide change that the audit outcome asks for. */
function shift(ctx: ContentContext): AuditScores {
  const rng = rngFor(ctx, 'audit-shift');
  const audit = ctx.execution.sim.outcome.audit;
  if (audit === 'regression') return scores((c) => (c === 'performance' ? -rng.int(8, 25) : -rng.int(1, 8)));
  if (audit === 'improvement') return scores((c) => (c === 'performance' ? rng.int(5, 15) : rng.int(0, 5)));
  return scores(() => 0);
}

/** The pages the run audits: those configured when it started (the homepage when none were). */
function auditPages(ctx: ContentContext): string[] {
  const configured = ctx.step.sim.auditPages ?? ctx.pipeline.sim.auditPages;
  return configured.length ? configured : ['/'];
}

const isSteady = (ctx: ContentContext) => ctx.execution.sim.outcome.audit === 'steady';

function failureOf(ctx: ContentContext, path: string, index: number): string | undefined {
  if (index === 0) return undefined; // at least one page is always audited
  const stable = stableRng('audit-failure', ctx.pipeline.id, path);
  if (stable.chance(0.1)) return AUDIT_FAILURE_REASONS[stable.int(0, 2)];
  if (isSteady(ctx)) return undefined; // no one-off failures: the same pages every steady run
  return rngFor(ctx, 'audit-failure', path).chance(0.03) ? 'Internal error' : undefined;
}

export function auditResults(ctx: ContentContext): AuditResults {
  const run = shift(ctx);
  const base = (ctx.environment?.publishUrl ?? '').replace(/\/+$/, '');
  const result: AuditResults = { format: 'cloud-manager-simulator/experience-audit@1', aggregation: 'median', pages: [], failedPages: [] };
  auditPages(ctx).forEach((path, index) => {
    const reason = failureOf(ctx, path, index);
    if (reason) {
      result.failedPages.push({ path, reason });
      return;
    }
    const { desktop: usual, gap } = baseline(ctx.pipeline.id, path);
    const noiseRng = rngFor(ctx, 'audit-noise', path);
    const quiet = isSteady(ctx) || noiseRng.chance(0.3);
    const generated = scores((c) => clamp(usual[c] + run[c] + (quiet ? 0 : noiseRng.int(-3, 3))));
    // Scores a scenario fixed are every page's mobile score, so they are the aggregate too.
    const fixed = ctx.execution.sim.plan?.auditScores ?? {};
    const desktop = scores((c) => (fixed[c] === undefined ? generated[c] : clamp(fixed[c] + gap[c])));
    const mobile = scores((c) => fixed[c] ?? clamp(desktop[c] - gap[c]));
    result.pages.push({ path, url: `${base}${path}`, mobile, desktop });
  });
  return result;
}

export function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

export function auditMetrics(ctx: ContentContext): Metric[] {
  const { pages } = auditResults(ctx);
  return AUDIT_CATEGORIES.map((category, i) =>
    makeMetric(ctx, i, category, 'informational', String(median(pages.map((p) => p.mobile[category]))), 'GTE', '80'),
  );
}

export function auditLog(ctx: ContentContext): LogLine[] {
  const results = auditResults(ctx);
  const rng = rngFor(ctx, 'audit-log', ctx.step.id);
  const b = new LogBuilder();
  const say = (text: string, weight = 0.3) => b.line((c) => `${isoSeconds(c.now)} ${text}`, weight);
  const pages = auditPages(ctx);
  const fmt = (s: AuditScores) => AUDIT_CATEGORIES.map((c) => `${c} ${s[c]}`).join(', ');
  say(
    `Experience audit started for execution ${ctx.execution.id}: ${pages.length} page${pages.length === 1 ? '' : 's'} on ${ctx.environment?.publishUrl ?? 'the stage publish service'}`,
    0.5,
  );
  say('Lighthouse 12.2.1 with HeadlessChrome 131.0.6778.85; throttling: simulate');
  pages.forEach((path, index) => {
    const prefix = `[${index + 1}/${pages.length}] ${path}`;
    const failed = results.failedPages.find((f) => f.path === path);
    if (failed) {
      say(`${prefix}: navigating to ${(ctx.environment?.publishUrl ?? '').replace(/\/+$/, '')}${path}`, 2);
      say(`${prefix}: FAILED - ${failed.reason}`, 1);
      return;
    }
    const page = results.pages.find((p) => p.path === path);
    if (!page) return;
    for (const device of ['mobile', 'desktop'] as const) {
      say(`${prefix} (${device}): launching Chrome, emulating ${device === 'mobile' ? 'Moto G Power (2022)' : 'desktop 1350x940'}`, 0.5);
      say(`${prefix} (${device}): navigating to ${page.url}`, rng.float(2, 6));
      say(`${prefix} (${device}): gathering trace and artifacts`, rng.float(4, 10));
      say(`${prefix} (${device}): ${fmt(page[device])} (${rng.float(8, 24).toFixed(1)} s)`, 1);
    }
  });
  const medians = scores((c) => median(results.pages.map((p) => p.mobile[c])));
  say(`Median mobile scores across ${results.pages.length} audited page${results.pages.length === 1 ? '' : 's'}: ${fmt(medians)}`, 1);
  if (results.failedPages.length)
    say(
      `${results.failedPages.length} page${results.failedPages.length === 1 ? '' : 's'} could not be audited: ${results.failedPages.map((f) => f.path).join(', ')}`,
    );
  if (isFailure(ctx)) say('[ERROR] Experience audit failed: Internal error.', 0.5);
  else say('Experience audit finished. The results are informational and do not block the pipeline.', 0.5);
  return b.build(ctx);
}
