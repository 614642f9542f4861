/**
 * What the code scan of one execution finds, decided once from the seed and the outcome, so the
 * metrics, the issue list (CSV) and the logs agree: open_issues is the number of issues, a
 * security rating below A means a vulnerability of the matching severity exists, and so on.
 */
import { rngFor } from './rng';
import type { ContentContext } from './types';

export type Rating = 'A' | 'B' | 'C' | 'D' | 'E';

export interface QualityPlan {
  security: Rating;
  reliability: Rating;
  sqale: Rating;
  /** Unit-test coverage in %, one decimal. */
  coverage: number;
  skippedTests: number;
  /** Duplicated lines in %, one decimal. */
  duplicatedLines: number;
  /** Number of issues (= rows of the CSV). */
  openIssues: number;
  /** Cloud Service Compatibility issues (the AEM custom rules flagging what does not run on AEMaaCS). */
  compatibilityIssues: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function qualityPlan(ctx: ContentContext): QualityPlan {
  const rng = rngFor(ctx, 'quality-plan');
  const outcome = ctx.execution.sim.outcome.codeQuality;

  let openIssues: number;
  switch (outcome) {
    case 'critical':
      openIssues = rng.int(35, 60);
      break;
    case 'important':
      openIssues = rng.int(20, 50);
      break;
    case 'info':
      openIssues = rng.int(3, 40);
      break;
    default:
      openIssues = rng.chance(0.35) ? 0 : rng.int(1, 25);
  }

  const security: Rating =
    outcome === 'critical' ? rng.pick(['D', 'D', 'E'] as const) : openIssues === 0 ? 'A' : rng.pick(['A', 'A', 'A', 'B'] as const);
  const reliability: Rating = openIssues === 0 ? 'A' : rng.pick(['A', 'A', 'B', 'C'] as const);

  // 'important': coverage and/or maintainability fail; otherwise both pass.
  const importantMode = outcome === 'important' ? rng.pick(['both', 'coverage', 'sqale'] as const) : 'none';
  const sqale: Rating = importantMode === 'both' || importantMode === 'sqale' ? rng.pick(['B', 'C'] as const) : 'A';
  const coverage = importantMode === 'both' || importantMode === 'coverage' ? round1(rng.float(18, 49.4)) : round1(rng.float(50.5, 86));

  // Informational KPIs: 'info' forces at least one failure; 'pass' lets them fail now and then.
  const forced = outcome === 'info' ? rng.pick(['skipped', 'duplicated', 'both'] as const) : 'none';
  const failChance = outcome === 'pass' ? 0.2 : 0.35;
  const skippedFails = forced === 'skipped' || forced === 'both' || rng.chance(failChance);
  const duplicatedFails = forced === 'duplicated' || forced === 'both' || rng.chance(failChance);
  const skippedTests = skippedFails ? rng.int(2, 6) : rng.int(0, 1);
  const duplicatedLines = duplicatedFails ? round1(rng.float(1.2, 7.5)) : round1(rng.float(0, 0.9));

  // Each rating below A stands for at least one issue (a vulnerability, a bug).
  openIssues = Math.max(openIssues, (security === 'A' ? 0 : 1) + (reliability === 'A' ? 0 : 1));
  // Drawn last, so adding it left every earlier value of a seed as it was.
  const compatibilityIssues = outcome === 'info' || rng.chance(failChance / 2) ? rng.int(1, 4) : 0;
  return withScenarioValues(
    { security, reliability, sqale, coverage, skippedTests, duplicatedLines, openIssues, compatibilityIssues },
    ctx,
  );
}

/** Each code quality KPI and the field of the plan that holds its value. */
export const QUALITY_KPI_FIELDS = {
  security_rating: 'security',
  reliability_rating: 'reliability',
  sqale_rating: 'sqale',
  coverage: 'coverage',
  skipped_tests: 'skippedTests',
  open_issues: 'openIssues',
  duplicated_lines_density: 'duplicatedLines',
  cloud_service_compatibility: 'compatibilityIssues',
} as const satisfies Record<string, keyof QualityPlan>;

/** The values a scenario fixed for this run (scenario.ts checked them), so metrics, issues and logs agree with them. */
function withScenarioValues(plan: QualityPlan, ctx: ContentContext): QualityPlan {
  const values = ctx.execution.sim.plan?.metrics;
  if (!values) return plan;
  const out: Record<string, string | number> = { ...plan };
  for (const [kpi, field] of Object.entries(QUALITY_KPI_FIELDS)) {
    const value = values[kpi];
    if (value !== undefined) out[field] = typeof plan[field] === 'number' ? Number(value) : value;
  }
  return out as unknown as QualityPlan;
}
