/**
 * Per-page experience audit scores from the step's CONTENT_AUDIT_RESULTS artifact. The file's
 * format is the simulator's own (`cloud-manager-simulator/experience-audit@1`), not Adobe's API,
 * which gives only the aggregate metrics: the console reads it defensively and labels it as a
 * simulator extension wherever it shows it.
 */
import { ALL_CATEGORIES, parseScore, type Scores, type SummaryCategory } from './experience-audit';

export type Device = 'mobile' | 'desktop';

export const DEVICE_LABELS: Record<Device, string> = { mobile: 'Mobile', desktop: 'Desktop' };

export interface AuditPage {
  path: string;
  url?: string;
  mobile: Scores;
  desktop: Scores;
}

export interface FailedPage {
  path: string;
  reason: string;
}

export interface AuditResults {
  pages: AuditPage[];
  failedPages: FailedPage[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readScores(value: unknown): Scores {
  const scores: Scores = {};
  if (!isRecord(value)) return scores;
  for (const { kpi } of ALL_CATEGORIES) {
    const score = parseScore(value[kpi]);
    if (score !== undefined) scores[kpi] = score;
  }
  return scores;
}

/** The artifact's pages and failed pages; entries without a path are left out. */
export function readAuditResults(raw: unknown): AuditResults {
  const record = isRecord(raw) ? raw : {};
  const list = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord).filter((item) => typeof item.path === 'string') : []);
  return {
    pages: list(record.pages).map((page) => ({
      path: String(page.path),
      url: typeof page.url === 'string' ? page.url : undefined,
      mobile: readScores(page.mobile),
      desktop: readScores(page.desktop),
    })),
    failedPages: list(record.failedPages).map((page) => ({
      path: String(page.path),
      reason: typeof page.reason === 'string' ? page.reason : 'Unknown reason',
    })),
  };
}

/** Orders pages by one category's score on a device; missing scores last, then by path. */
export function sortPages(
  pages: AuditPage[],
  device: Device,
  kpi: SummaryCategory | 'path',
  direction: 'ascending' | 'descending',
): AuditPage[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return pages.slice().sort((a, b) => {
    if (kpi === 'path') return sign * a.path.localeCompare(b.path);
    const x = a[device][kpi];
    const y = b[device][kpi];
    if (x === undefined || y === undefined) return x === y ? a.path.localeCompare(b.path) : x === undefined ? 1 : -1;
    return sign * (x - y) || a.path.localeCompare(b.path);
  });
}

/** The `count` pages with the lowest Performance on `device`, lowest first. */
export function slowestPages(pages: AuditPage[], device: Device, count = 5): AuditPage[] {
  return sortPages(pages, device, 'performance', 'ascending').slice(0, count);
}

/** The page with this path in another run's results. */
export function samePageOf(results: AuditResults | undefined, path: string): AuditPage | undefined {
  return results?.pages.find((page) => page.path === path);
}
