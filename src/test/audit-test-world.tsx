/**
 * Test-only: a pipeline history of Experience Audit runs served by the fixture server. Each run's
 * contentAudit step has a metrics link (its median scores) and an artifacts link whose
 * CONTENT_AUDIT_RESULTS artifact (via its redirect) is the run's per-page results.
 */
import { http, HttpResponse, type JsonBodyType } from 'msw';
import type { Execution, StepState } from '../api/types';
import { world } from './fixture-server';
import {
  AUDIT_FILES_ORIGIN,
  auditArtifactList,
  auditArtifactRedirect,
  auditMetrics,
  auditResults,
  type AuditPage,
  type AuditScores,
} from './fixtures/audit-fixtures';
import { execution, HTTP_REL, pipeline, PIPELINE_ID, step } from './fixtures/execution-fixtures';
import { renderWithProviders } from './render';
import { paths } from '../lib/paths';
import { ExecutionContext } from '../features/execution/execution-context';
import { ExperienceAudit } from '../features/execution/experience-audit/experience-audit';

export type TestScores = AuditScores;
export type TestPage = AuditPage;

export interface TestRunOptions {
  /** Median scores served as the step's metrics. */
  scores?: TestScores;
  pages?: TestPage[];
  failedPages?: { path: string; reason: string }[];
  /** The step's status (FINISHED by default). */
  status?: string;
}

const metricsByHref = new Map<string, JsonBodyType>();
const resultsByStep = new Map<string, JsonBodyType>();

const pathOf = (href: string) => new URL(href, 'http://localhost').pathname;

/** An execution whose contentAudit step has these scores and pages (none: no audit step at all). */
export function auditRun(executionId: string, options: TestRunOptions | null): Execution {
  if (options === null) return execution([step('build', 'FAILED', { executionId })], { id: executionId, status: 'FAILED' });
  const status = options.status ?? 'FINISHED';
  const audit = step('contentAudit', status, {
    executionId,
    links: ['metrics', 'artifacts'],
    finishedAt: `2026-11-${String(Number(executionId) % 28 || 1).padStart(2, '0')}T10:05:00.000+0000`,
  });
  const href = (name: string) => (audit._links?.[`${HTTP_REL}pipeline/${name}`] as { href: string }).href;
  metricsByHref.set(pathOf(href('metrics')), auditMetrics(options.scores ?? {}) as JsonBodyType);
  resultsByStep.set(audit.id, auditResults(options.pages, options.failedPages));
  return execution([audit], { id: executionId, status: 'FINISHED' });
}

export const auditStepOf = (run: Execution): StepState => run._embedded!.stepStates!.find((s) => s.action === 'contentAudit')!;

/** The handlers for every run's metrics, artifact list, artifact redirect and results file. */
export function auditHandlers() {
  return [
    http.get('*/step/:stepId/metrics', ({ request }) => {
      const found = metricsByHref.get(new URL(request.url).pathname);
      return found ? HttpResponse.json(found) : HttpResponse.json({ title: 'Not found', status: 404 }, { status: 404 });
    }),
    http.get('*/step/:stepId/artifacts', ({ params }) => HttpResponse.json(auditArtifactList(String(params.stepId)))),
    http.get('*/api/artifact/:stepId', ({ params }) => HttpResponse.json(auditArtifactRedirect(String(params.stepId)))),
    http.get(`${AUDIT_FILES_ORIGIN}/audit/:file`, ({ params }) =>
      HttpResponse.json(resultsByStep.get(String(params.file).replace(/\.json$/, '')) ?? null),
    ),
  ];
}

/** Serves `history` (newest first; the first is the run on screen) and renders its audit. */
export function renderAudit(history: Execution[]) {
  world.executionsByPipeline[PIPELINE_ID] = history;
  const current = history[0];
  return renderWithProviders(
    <ExecutionContext.Provider value={{ pipeline, executionId: current.id }}>
      <ExperienceAudit step={auditStepOf(current)} />
    </ExecutionContext.Provider>,
    { url: paths.execution.href('1', PIPELINE_ID, current.id), path: paths.execution.path },
  );
}

/** `count` pages /page-1 … with mobile performance `perf(i)` and other scores derived from it. */
export function makePages(count: number, perf: (index: number) => number): TestPage[] {
  return Array.from({ length: count }, (_, i) => {
    const p = perf(i);
    return {
      path: `/page-${i + 1}`,
      mobile: { performance: p, accessibility: 80 + (i % 10), 'best-practices': 90, seo: 95, pwa: 40 + i },
      desktop: { performance: Math.min(100, p + 20), accessibility: 85 + (i % 10), 'best-practices': 95, seo: 100, pwa: 60 + i },
    };
  });
}
