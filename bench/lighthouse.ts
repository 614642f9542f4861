/**
 * Lighthouse 12 (issues #5, #17): mobile (default config) and the desktop preset (Performance
 * only), three runs each, a fresh Chrome per run; the median run's scores are reported, on the production build with the embedded
 * simulator on, for My Programs, a Program Overview and a finished execution. Each run starts from
 * a fresh profile (Lighthouse resets storage), so the page registers the simulator's service
 * worker and renders once it answers (src/main.tsx renders after the simulator started); Lighthouse
 * waits for the network and the main thread to go quiet before it audits.
 *
 *   Budgets, mobile: Performance ≥ 95, Accessibility 100, Best Practices 100, SEO 100, CLS ≤ 0.02
 *   (median of the three runs); desktop: Performance ≥ 98.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { SimulatorControls, programCards } from '../e2e/fixtures';
import { finishedProductionExecutionPath, launchBenchBrowser, newBenchPage } from './log-viewer';
import { median } from './deep-link';
import type { Bench, BenchContext, BenchRow } from './report';

/** Runs per page and preset; the median run's scores are reported. */
const RUNS = 3;

const CATEGORIES = [
  { id: 'performance', label: 'Performance', min: 95 },
  { id: 'accessibility', label: 'Accessibility', min: 100 },
  { id: 'best-practices', label: 'Best Practices', min: 100 },
  { id: 'seo', label: 'SEO', min: 100 },
] as const;

interface LhAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
}
interface LhResult {
  lhr: {
    categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
    audits: Record<string, LhAudit>;
    runtimeError?: { message: string };
  };
}

/** The seeded program 1 pages: its Overview and its newest finished production run, found by following the API's links. */
async function pagesToAudit(ctx: BenchContext): Promise<Array<{ name: string; path: string }>> {
  const browser = await launchBenchBrowser(ctx);
  try {
    const page = await newBenchPage(browser, ctx);
    await page.goto('/');
    await programCards(page).first().waitFor({ state: 'visible', timeout: 30_000 });
    const execution = await finishedProductionExecutionPath(new SimulatorControls(page));
    const overview = execution.replace(/\/pipeline\/.*$/, '');
    return [
      { name: 'My Programs', path: '/' },
      { name: 'Program Overview', path: overview },
      { name: 'Finished execution', path: execution },
    ];
  } finally {
    await browser.close();
  }
}

/** The audits that cost a category its 100, e.g. "color-contrast, label". */
function failing(result: LhResult, category: string): string {
  const refs = result.lhr.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => result.lhr.audits[ref.id])
    .filter(
      (audit) =>
        audit &&
        audit.score !== null &&
        audit.score < 1 &&
        audit.scoreDisplayMode !== 'informative' &&
        audit.scoreDisplayMode !== 'notApplicable',
    )
    .map((audit) => audit.id)
    .join(', ');
}

/** One Lighthouse run of `url` with `preset`; throws when Lighthouse could not audit the page. */
async function audit(url: string, port: number, preset: 'mobile' | 'desktop'): Promise<LhResult> {
  const flags = { port, output: 'json' as const, logLevel: 'error' as const };
  const result = (preset === 'desktop'
    ? await lighthouse(url, { ...flags, onlyCategories: ['performance'] }, desktopConfig)
    : await lighthouse(url, flags)) as unknown as LhResult | undefined;
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
  return result;
}

const score = (result: LhResult, category: string) => Math.round((result.lhr.categories[category]?.score ?? 0) * 100);
const displayValue = (result: LhResult, id: string) =>
  (result.lhr.audits[id] as unknown as { displayValue?: string } | undefined)?.displayValue;
const numericValue = (result: LhResult, id: string) =>
  (result.lhr.audits[id] as unknown as { numericValue?: number } | undefined)?.numericValue ?? 0;

/** The run whose score in `category` is the median of `results` (an odd number of runs). */
function medianRun(results: LhResult[], category: string): LhResult {
  return [...results].sort((a, b) => score(a, category) - score(b, category))[Math.floor(results.length / 2)];
}

export const benchLighthouse: Bench = async (ctx) => {
  const targets = await pagesToAudit(ctx);
  const rows: BenchRow[] = [];
  for (const target of targets) {
    const url = ctx.baseUrl + target.path;
    const runs: Record<'mobile' | 'desktop', LhResult[]> = { mobile: [], desktop: [] };
    for (const preset of ['mobile', 'desktop'] as const) {
      for (let i = 0; i < RUNS; i += 1) {
        // A Chrome per run: nothing (HTTP cache, service worker, compiled code) carries over.
        const chrome = await chromeLauncher.launch({
          chromePath: ctx.chromiumPath,
          chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
        });
        try {
          runs[preset].push(await audit(url, chrome.port, preset));
        } finally {
          chrome.kill();
        }
      }
    }
    for (const category of CATEGORIES) {
      const run = medianRun(runs.mobile, category.id);
      const misses = failing(run, category.id);
      rows.push({
        figure: `Lighthouse mobile ${category.label}: ${target.name}`,
        value: score(run, category.id),
        unit: '',
        budget: { min: category.min },
        note: `median of ${RUNS} (${runs.mobile.map((r) => score(r, category.id)).join(', ')}); ${target.path}${misses ? ` — below 1: ${misses.slice(0, 120)}` : ''}`,
      });
    }
    const cls = runs.mobile.map((r) => numericValue(r, 'cumulative-layout-shift'));
    rows.push({
      figure: `Lighthouse mobile CLS: ${target.name}`,
      value: Math.round(median(cls) * 1000) / 1000,
      unit: '',
      budget: { max: 0.02 },
      note: `median of ${RUNS} (${cls.map((v) => v.toFixed(3)).join(', ')})`,
    });
    const desktop = medianRun(runs.desktop, 'performance');
    rows.push({
      figure: `Lighthouse desktop Performance: ${target.name}`,
      value: score(desktop, 'performance'),
      unit: '',
      budget: { min: 98 },
      note: `median of ${RUNS} (${runs.desktop.map((r) => score(r, 'performance')).join(', ')}); desktop preset`,
    });
    for (const [preset, run] of [
      ['mobile', medianRun(runs.mobile, 'performance')],
      ['desktop', desktop],
    ] as const)
      console.log(
        `  ${target.name} (${preset}, median run): FCP ${displayValue(run, 'first-contentful-paint')}, LCP ${displayValue(run, 'largest-contentful-paint')}, TBT ${displayValue(run, 'total-blocking-time')}, CLS ${displayValue(run, 'cumulative-layout-shift')}`,
      );
  }
  return rows;
};
