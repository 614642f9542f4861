/**
 * Lighthouse 12 (issue #5): mobile, default config, on the production build with the embedded
 * simulator on, for My Programs, a Program Overview and a finished execution. Each run starts from
 * a fresh profile (Lighthouse resets storage), so the page registers the simulator's service
 * worker and renders once it answers (src/main.tsx renders after the simulator started); Lighthouse
 * waits for the network and the main thread to go quiet before it audits.
 *
 *   Budgets: Performance ≥ 95, Accessibility 100, Best Practices 100, SEO 100.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { SimulatorControls, programCards } from '../e2e/fixtures';
import { finishedProductionExecutionPath, launchBenchBrowser, newBenchPage } from './log-viewer';
import type { Bench, BenchContext, BenchRow } from './report';

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

export const benchLighthouse: Bench = async (ctx) => {
  const targets = await pagesToAudit(ctx);
  const chrome = await chromeLauncher.launch({
    chromePath: ctx.chromiumPath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const rows: BenchRow[] = [];
  try {
    for (const target of targets) {
      const url = ctx.baseUrl + target.path;
      const result = (await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' })) as unknown as LhResult | undefined;
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
      for (const category of CATEGORIES) {
        const score = Math.round((result.lhr.categories[category.id]?.score ?? 0) * 100);
        const misses = failing(result, category.id);
        rows.push({
          figure: `Lighthouse ${category.label}: ${target.name}`,
          value: score,
          unit: '',
          budget: { min: category.min },
          note: `${target.path}${misses ? ` — below 1: ${misses.slice(0, 120)}` : ''}`,
        });
      }
      const fcp = result.lhr.audits['first-contentful-paint'];
      const lcp = result.lhr.audits['largest-contentful-paint'];
      const tbt = result.lhr.audits['total-blocking-time'];
      console.log(
        `  ${target.name}: FCP ${fcp?.title && (fcp as unknown as { displayValue?: string }).displayValue}, LCP ${(lcp as unknown as { displayValue?: string })?.displayValue}, TBT ${(tbt as unknown as { displayValue?: string })?.displayValue}`,
      );
    }
  } finally {
    chrome.kill();
  }
  return rows;
};
