import { describe, it, expect } from 'vitest';
import type { Outcome, StepAction } from '../model';
import { content, linesUpTo, renderScanIssuesCsv, SCAN_CSV_HEADER } from './index';
import { AUDIT_FAILURE_REASONS, median } from './audit';
import { ctxFor } from './test-fixtures';
import { parseCsv } from '../../../src/lib/csv';
import type { ContentContext, LogLine, ScanIssue } from './types';

const SEEDS = [1, 2, 3, 42, 777, 9001, 123456, 2 ** 31 + 5];

const text = (lines: LogLine[] | undefined) => (lines ?? []).map((l) => l.text);
const main = (ctx: ContentContext) => content.logLines(ctx, 'main') as LogLine[];

function expectWellFormed(lines: LogLine[]) {
  expect(lines.length).toBeGreaterThan(0);
  let previous = 0;
  for (const line of lines) {
    expect(line.at).toBeGreaterThan(0);
    expect(line.at).toBeLessThanOrEqual(1);
    expect(line.at).toBeGreaterThanOrEqual(previous);
    expect(line.text).not.toContain('\n');
    previous = line.at;
  }
  expect(lines[lines.length - 1].at).toBe(1);
}

describe('determinism', () => {
  const actions: StepAction[] = ['build', 'codeQuality', 'buildImage', 'deploy', 'productTest', 'functionalTest', 'uiTest', 'contentAudit'];

  it('gives identical output for the same context, whatever the call order', () => {
    for (const action of actions) {
      const a = ctxFor(action, { envType: action === 'deploy' ? 'prod' : undefined });
      const b = ctxFor(action, { envType: action === 'deploy' ? 'prod' : undefined });
      // Call b's generators in the reverse order.
      const bAudit = content.auditResults(b);
      const bTests = content.testResults(b);
      const bIssues = content.scanIssues(b);
      const bMetrics = content.codeQualityMetrics(b);
      const bLogs = content.logFiles(b).map((f) => content.logLines(b, f));
      expect(content.logFiles(a).map((f) => content.logLines(a, f))).toEqual(bLogs);
      expect(content.codeQualityMetrics(a)).toEqual(bMetrics);
      expect(content.scanIssues(a)).toEqual(bIssues);
      expect(content.testResults(a)).toEqual(bTests);
      expect(content.auditResults(a)).toEqual(bAudit);
      expect(content.auditMetrics(a)).toEqual(content.auditMetrics(b));
      expect(content.deployActivities(a)).toEqual(content.deployActivities(b));
    }
  });

  it('varies with the seed', () => {
    expect(text(main(ctxFor('build', { seed: 1 })))).not.toEqual(text(main(ctxFor('build', { seed: 2 }))));
    expect(content.scanIssues(ctxFor('codeQuality', { seed: 1, outcome: { codeQuality: 'critical' } }))).not.toEqual(
      content.scanIssues(ctxFor('codeQuality', { seed: 2, outcome: { codeQuality: 'critical' } })),
    );
  });

  it('derives log times from the step start and duration', () => {
    const ctx = ctxFor('deploy');
    const lines = main(ctx);
    const start = ctx.step.startedAt as number;
    expect(lines[0].text.startsWith(new Date(start).toISOString().slice(0, 16))).toBe(true);
    const end = new Date(start + ctx.step.sim.durationMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(lines[lines.length - 1].text.startsWith(end)).toBe(true);
    // Falls back to the execution's creation time when the step has not started.
    const notStarted = ctxFor('deploy');
    notStarted.step.startedAt = undefined;
    expect(main(notStarted)[0].text.startsWith(new Date(notStarted.execution.createdAt).toISOString().slice(0, 16))).toBe(true);
  });
});

describe('log files', () => {
  it('lists the files of each step', () => {
    expect(content.logFiles(ctxFor('build'))).toEqual(['main']);
    expect(content.logFiles(ctxFor('codeQuality'))).toEqual(['main', 'sonarLogFile']);
    for (const action of ['validate', 'approval', 'schedule', 'managed'] as StepAction[]) {
      expect(content.logFiles(ctxFor(action))).toEqual([]);
      expect(content.logLines(ctxFor(action), 'main')).toBeUndefined();
    }
    expect(content.logLines(ctxFor('build'), 'sonarLogFile')).toBeUndefined();
    expect(content.logLines(ctxFor('codeQuality'), 'nope')).toBeUndefined();
  });

  it('writes well-formed lines for every log', () => {
    for (const action of [
      'build',
      'codeQuality',
      'buildImage',
      'deploy',
      'productTest',
      'functionalTest',
      'uiTest',
      'contentAudit',
    ] as StepAction[]) {
      const ctx = ctxFor(action);
      for (const file of content.logFiles(ctx)) expectWellFormed(content.logLines(ctx, file) as LogLine[]);
    }
  });
});

describe('build log', () => {
  it('is a long Maven build ending with BUILD SUCCESS', () => {
    for (const seed of SEEDS) {
      const ctx = ctxFor('build', { seed });
      const lines = text(main(ctx));
      expect(lines.length).toBeGreaterThanOrEqual(3000);
      expect(lines.length).toBeLessThanOrEqual(6000);
      expect(lines.slice(-8).some((l) => l.includes('BUILD SUCCESS'))).toBe(true);
      expect(lines.some((l) => l.includes('BUILD FAILURE'))).toBe(false);
      expect(lines.some((l) => l.includes(ctx.execution.sim.commitId))).toBe(true);
      expect(lines.some((l) => l.includes('branch main'))).toBe(true);
      expect(lines).toContain('[INFO] Scanning for projects...');
      expect(
        lines.filter((l) => l.startsWith('[INFO] Downloading from central: https://repo.maven.apache.org/maven2/')).length,
      ).toBeGreaterThan(1000);
      expect(lines.some((l) => /Tests run: \d+, Failures: 0, Errors: 0/.test(l))).toBe(true);
      expect(lines.some((l) => l.includes('[INFO] Total time:'))).toBe(true);
      expect(lines.some((l) => l.includes('[INFO] Finished at:'))).toBe(true);
    }
  });

  it('lists the reactor modules in order with SUCCESS timings', () => {
    const lines = text(main(ctxFor('build')));
    const summary = lines.slice(lines.findIndex((l) => l.includes('Reactor Summary')));
    const order = [
      'Core',
      'UI Frontend',
      'Repository Structure Package',
      'UI apps',
      'UI config',
      'UI content',
      'All',
      'Integration Tests',
      'Dispatcher',
      'UI Tests',
    ];
    const positions = order.map((name) => summary.findIndex((l) => l.includes(`WKND Sites - ${name} .`) && l.includes('SUCCESS [')));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('ends with BUILD FAILURE when the step fails', () => {
    for (const result of ['FAILED', 'ERROR'] as const) {
      for (const seed of SEEDS.slice(0, 4)) {
        const lines = text(main(ctxFor('build', { seed, result })));
        expect(lines.length).toBeGreaterThanOrEqual(3000);
        expect(lines.slice(-3).join('\n')).toContain('BUILD FAILURE');
        expect(lines.some((l) => l.includes('BUILD SUCCESS'))).toBe(false);
        expect(lines.some((l) => l.startsWith('[ERROR] Failed to execute goal'))).toBe(true);
        expect(lines.some((l) => l.includes('SKIPPED'))).toBe(true);
      }
    }
  });

  it('copies the artifacts of the source execution on a re-execution', () => {
    const lines = text(main(ctxFor('build', { reusedFrom: '3999' })));
    expect(lines.length).toBeLessThan(50);
    expect(lines.join('\n')).toContain('reusing the build artifacts of execution 3999');
    expect(lines.join('\n')).toContain('Copying artifacts from execution 3999');
    expect(lines.some((l) => l.includes('Scanning for projects'))).toBe(false);
  });
});

describe('code quality', () => {
  const metricsFor = (codeQuality: Outcome['codeQuality'], seed: number) =>
    content.codeQualityMetrics(ctxFor('codeQuality', { seed, outcome: { codeQuality } }));
  const failing = (metrics: ReturnType<typeof metricsFor>, severity: string) =>
    metrics.filter((m) => m.severity === severity && !m.passed).map((m) => m.kpi);

  it('reports the eight KPIs (Cloud Service Compatibility included) with unique ids and consistent pass flags', () => {
    const metrics = metricsFor('pass', 1);
    expect(metrics.map((m) => m.kpi)).toEqual([
      'security_rating',
      'reliability_rating',
      'sqale_rating',
      'coverage',
      'skipped_tests',
      'open_issues',
      'duplicated_lines_density',
      'cloud_service_compatibility',
    ]);
    expect(new Set(metrics.map((m) => m.id)).size).toBe(8);
    expect(metrics.map((m) => m.severity)).toEqual([
      'critical',
      'critical',
      'important',
      'important',
      'informational',
      'informational',
      'informational',
      'informational',
    ]);
    for (const m of metrics) expect(m.override).toBe(false);
    const byKpi = Object.fromEntries(metrics.map((m) => [m.kpi, m]));
    expect(byKpi.security_rating).toMatchObject({ comparator: 'GTE', expectedValue: 'B' });
    expect(byKpi.reliability_rating).toMatchObject({ comparator: 'GTE', expectedValue: 'D' });
    expect(byKpi.sqale_rating).toMatchObject({ comparator: 'GTE', expectedValue: 'A' });
    expect(byKpi.coverage).toMatchObject({ comparator: 'GTE', expectedValue: '50' });
    expect(byKpi.skipped_tests).toMatchObject({ comparator: 'LTE', expectedValue: '1' });
    expect(byKpi.open_issues).toMatchObject({ comparator: 'LTE', expectedValue: '0' });
    expect(byKpi.duplicated_lines_density).toMatchObject({ comparator: 'LTE', expectedValue: '1' });
    expect(byKpi.cloud_service_compatibility).toMatchObject({ severity: 'informational', comparator: 'LTE', expectedValue: '0' });
    for (const seed of SEEDS) {
      for (const m of metricsFor('important', seed)) {
        if (/^[A-E]$/.test(m.actualValue)) expect(m.passed).toBe('ABCDE'.indexOf(m.actualValue) <= 'ABCDE'.indexOf(m.expectedValue));
        else if (m.comparator === 'GTE') expect(m.passed).toBe(Number(m.actualValue) >= Number(m.expectedValue));
        else expect(m.passed).toBe(Number(m.actualValue) <= Number(m.expectedValue));
      }
    }
  });

  it('passes or fails each severity as the outcome says', () => {
    for (const seed of SEEDS) {
      const pass = metricsFor('pass', seed);
      expect(failing(pass, 'critical')).toEqual([]);
      expect(failing(pass, 'important')).toEqual([]);

      const important = metricsFor('important', seed);
      expect(failing(important, 'critical')).toEqual([]);
      expect(failing(important, 'important').length).toBeGreaterThan(0);
      for (const kpi of failing(important, 'important')) expect(['coverage', 'sqale_rating']).toContain(kpi);

      const critical = metricsFor('critical', seed);
      expect(failing(critical, 'critical')).toContain('security_rating');
      expect(['D', 'E']).toContain(critical.find((m) => m.kpi === 'security_rating')?.actualValue);

      const info = metricsFor('info', seed);
      expect(failing(info, 'critical')).toEqual([]);
      expect(failing(info, 'important')).toEqual([]);
      expect(failing(info, 'informational')).toContain('cloud_service_compatibility');
    }
  });

  it('lists as many issues as open_issues, consistent with the ratings', () => {
    const severityOf = { B: 'Minor', C: 'Major', D: 'Critical', E: 'Blocker' } as Record<string, string>;
    const order = ['Info', 'Minor', 'Major', 'Critical', 'Blocker'];
    const worst = (issues: ScanIssue[], type: string) =>
      issues.filter((i) => i.type === type).reduce((w, i) => Math.max(w, order.indexOf(i.severity)), -1);
    for (const codeQuality of ['pass', 'critical', 'important', 'info'] as const) {
      for (const seed of SEEDS) {
        const ctx = ctxFor('codeQuality', { seed, outcome: { codeQuality } });
        const metrics = content.codeQualityMetrics(ctx);
        const issues = content.scanIssues(ctx);
        const value = (kpi: string) => metrics.find((m) => m.kpi === kpi)?.actualValue as string;
        expect(issues.length).toBe(Number(value('open_issues')));
        expect(issues.length).toBeLessThanOrEqual(60);
        const security = value('security_rating');
        expect(worst(issues, 'Vulnerability')).toBe(security === 'A' ? -1 : order.indexOf(severityOf[security]));
        const reliability = value('reliability_rating');
        expect(worst(issues, 'Bug')).toBe(reliability === 'A' ? -1 : order.indexOf(severityOf[reliability]));
        for (const issue of issues) {
          expect(issue.projectFileLocation).toMatch(/^core\/src\/main\/java\/com\/wknd\/site\/core\/.+\.java$/);
          expect(issue.fileLocation.endsWith(issue.projectFileLocation.slice('core/'.length))).toBe(true);
          expect(issue.rule).toMatch(/^(java:S\d+|CQRules:.+)$/);
          expect(issue.documentation).toMatch(/^https:\/\//);
        }
      }
    }
    expect(content.scanIssues(ctxFor('codeQuality', { outcome: { codeQuality: 'critical' } })).length).toBeGreaterThanOrEqual(35);
  });

  it('renders the issues as RFC 4180 CSV that parses back', () => {
    const issues = content.scanIssues(ctxFor('codeQuality', { outcome: { codeQuality: 'critical' } }));
    const tricky: ScanIssue = {
      ...issues[0],
      message: 'Define a constant instead of duplicating "a, b"\nover lines',
      tags: 'cwe,owasp-a3',
    };
    const csv = renderScanIssuesCsv([...issues, tricky]);
    expect(csv.split('\r\n')[0]).toBe(
      'Creation Date,File Location,Project File Location,Line Number,Message,Type,Severity,Effort,Rule,Tags,Documentation',
    );
    expect(SCAN_CSV_HEADER).toBe(csv.split('\r\n')[0]);
    expect(csv).toContain('"Define a constant instead of duplicating ""a, b""\nover lines"');
    const rows = parseCsv(csv);
    expect(rows.length).toBe(issues.length + 2);
    const all = [...issues, tricky];
    rows.slice(1).forEach((row, i) => {
      const issue = all[i];
      expect(row).toEqual([
        issue.creationDate,
        issue.fileLocation,
        issue.projectFileLocation,
        String(issue.lineNumber),
        issue.message,
        issue.type,
        issue.severity,
        issue.effort,
        issue.rule,
        issue.tags,
        issue.documentation,
      ]);
    });
    expect(renderScanIssuesCsv([])).toBe(`${SCAN_CSV_HEADER}\r\n`);
  });

  it('writes the analysis and the quality gate in the logs', () => {
    const critical = text(content.logLines(ctxFor('codeQuality', { outcome: { codeQuality: 'critical' }, result: 'FAILED' }), 'main'));
    expect(critical[critical.length - 2]).toContain('Critical metrics failure');
    const important = text(content.logLines(ctxFor('codeQuality', { outcome: { codeQuality: 'important' } }), 'main'));
    expect(important.join('\n')).toContain('Important metrics failed');
    const pass = text(content.logLines(ctxFor('codeQuality'), 'main'));
    expect(pass[pass.length - 1]).toContain('PASSED');
    expect(pass.join('\n')).toContain('OakPAL');
    const sonar = text(content.logLines(ctxFor('codeQuality'), 'sonarLogFile'));
    expect(sonar.length).toBeGreaterThan(200);
    expect(sonar.some((l) => /files indexed/.test(l))).toBe(true);
    expect(sonar.some((l) => l.includes('Quality profile for java'))).toBe(true);
    expect(sonar.some((l) => l.includes('Analysis report uploaded'))).toBe(true);
  });
});

describe('deployment', () => {
  it('rolls through author then each dispatcher/publish pair in production', () => {
    for (const seed of SEEDS) {
      const ctx = ctxFor('deploy', { seed, envType: 'prod' });
      const lines = text(main(ctx));
      const find = (pattern: string, from = 0) => lines.findIndex((l, i) => i >= from && l.includes(pattern));
      const author = find('on author1');
      expect(author).toBeGreaterThan(find('Release candidate'));
      let previous = author;
      const pairs = Math.max(...lines.map((l) => Number(/Detaching dispatcher(\d+)/.exec(l)?.[1] ?? 0)));
      expect(pairs).toBeGreaterThanOrEqual(2);
      for (let n = 1; n <= pairs; n += 1) {
        const detach = find(`Detaching dispatcher${n} from the load balancer`);
        const deployPublish = find(`on publish${n}`);
        const deployDispatcher = find(`to dispatcher${n}`);
        const flush = find(`Flushing the dispatcher cache on dispatcher${n}`);
        const health = find(`Health check publish${n}`);
        const attach = find(`Attaching dispatcher${n} to the load balancer`);
        expect(detach).toBeGreaterThan(previous);
        expect(deployPublish).toBeGreaterThan(detach);
        expect(deployDispatcher).toBeGreaterThan(deployPublish);
        expect(flush).toBeGreaterThan(deployDispatcher);
        expect(health).toBeGreaterThan(flush);
        expect(attach).toBeGreaterThan(health);
        previous = attach;
      }
      expect(find('mutable content')).toBeGreaterThan(previous);
      expect(find('Warming up')).toBeGreaterThan(find('mutable content'));
      expect(lines[lines.length - 1]).toContain('finished successfully');
    }
  });

  it('records activities that agree with the log', () => {
    const ctx = ctxFor('deploy', { envType: 'prod' });
    const lines = main(ctx);
    const activities = content.deployActivities(ctx);
    expect(activities[0]).toMatchObject({ stepAction: 'DEPLOY_AUTHOR', instanceId: 'author1' });
    expect(activities[activities.length - 1].stepAction).toBe('WARM_UP_CACHE');
    expect(new Set(activities.map((a) => a.id)).size).toBe(activities.length);
    let previous = 0;
    for (const activity of activities) {
      expect(activity.at).toBeGreaterThan(previous);
      expect(activity.at).toBeLessThanOrEqual(1);
      previous = activity.at;
      if (activity.instanceId !== 'cdn') expect(lines.some((l) => l.at === activity.at && l.text.includes(activity.instanceId))).toBe(true);
    }
    const actions = activities.map((a) => `${a.stepAction}:${a.instanceId}`);
    for (const n of [1, 2]) {
      const sequence = [
        `DETACH_DISPATCHER:dispatcher${n}`,
        `DEPLOY_PUBLISH:publish${n}`,
        `DEPLOY_DISPATCHER:dispatcher${n}`,
        `FLUSH_DISPATCHER_CACHE:dispatcher${n}`,
        `ATTACH_DISPATCHER:dispatcher${n}`,
      ];
      const indexes = sequence.map((s) => actions.indexOf(s));
      expect(indexes.every((i) => i > 0)).toBe(true);
      expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    }
  });

  it('stops at the second pair and restores the previous release when production fails', () => {
    const ctx = ctxFor('deploy', { envType: 'prod', result: 'ERROR', outcome: { deploy: 'prodFailure' } });
    const lines = text(main(ctx));
    expect(lines[lines.length - 1]).toContain('[ERROR] Deployment to the production environment failed on publish2');
    expect(lines.some((l) => l.includes('Attaching dispatcher1 to the load balancer'))).toBe(true);
    expect(lines.some((l) => l.includes('Detaching dispatcher3'))).toBe(false);
    const actions = content.deployActivities(ctx).map((a) => `${a.stepAction}:${a.instanceId}`);
    expect(actions).toContain('ATTACH_DISPATCHER:dispatcher1');
    expect(actions).toContain('DETACH_DISPATCHER:dispatcher2');
    expect(actions).not.toContain('ATTACH_DISPATCHER:dispatcher2');
    expect(actions).not.toContain('WARM_UP_CACHE:cdn');
  });

  it('deploys stage without the load balancer dance, and fails on its health check', () => {
    const ctx = ctxFor('deploy');
    const activities = content.deployActivities(ctx);
    expect(activities.map((a) => a.stepAction)).toEqual([
      'DEPLOY_AUTHOR',
      'DEPLOY_PUBLISH',
      'DEPLOY_DISPATCHER',
      'FLUSH_DISPATCHER_CACHE',
      'INSTALL_MUTABLE_CONTENT',
      'WARM_UP_CACHE',
    ]);
    expect(text(main(ctx)).some((l) => l.includes('Detaching'))).toBe(false);
    const failed = text(main(ctxFor('deploy', { result: 'FAILED', outcome: { deploy: 'stageFailure' } })));
    expect(failed[failed.length - 1]).toContain('[ERROR] Deployment to the stage environment failed');
    expect(content.deployActivities(ctxFor('build'))).toEqual([]);
  });

  it('builds the image for the AEM release', () => {
    const lines = text(main(ctxFor('buildImage')));
    expect(lines.join('\n')).toMatch(/AEM release: \d{4}\.\d{2}\.\d{5}\.\d{8}T\d{6}Z/);
    expect(lines[lines.length - 1]).toContain('finished successfully');
  });
});

describe('tests', () => {
  it('runs product, functional and UI tests with passing results by default', () => {
    for (const action of ['productTest', 'functionalTest', 'uiTest'] as const) {
      const results = content.testResults(ctxFor(action));
      expect(results.format).toBe('cloud-manager-simulator/test-results@1');
      expect(results.failed).toBe(0);
      expect(results.passed + results.skipped).toBe(results.tests.length);
      expect(results.tests.length).toBeGreaterThanOrEqual(10);
    }
    expect(
      content
        .testResults(ctxFor('functionalTest'))
        .tests.some((t) => `${t.className}#${t.name}` === 'com.wknd.site.it.tests.PublishPageValidationIT#testHomePage'),
    ).toBe(true);
    expect(content.testResults(ctxFor('productTest')).tests.length).toBeLessThanOrEqual(20);
  });

  it('fails 1 to 3 tests only in the step the outcome names', () => {
    const cases = [
      ['productTestFailure', 'productTest'],
      ['functionalTestFailure', 'functionalTest'],
      ['uiTestFailure', 'uiTest'],
    ] as const;
    for (const [tests, failingAction] of cases) {
      for (const seed of SEEDS) {
        for (const action of ['productTest', 'functionalTest', 'uiTest'] as const) {
          const results = content.testResults(
            ctxFor(action, { seed, outcome: { tests }, result: action === failingAction ? 'FAILED' : 'FINISHED' }),
          );
          if (action === failingAction) {
            expect(results.failed).toBeGreaterThanOrEqual(1);
            expect(results.failed).toBeLessThanOrEqual(3);
            for (const t of results.tests.filter((x) => x.status === 'failed')) expect(t.message).toBeTruthy();
          } else expect(results.failed).toBe(0);
        }
      }
    }
    const log = text(main(ctxFor('functionalTest', { outcome: { tests: 'functionalTestFailure' }, result: 'FAILED' })));
    expect(log.some((l) => l.includes('<<< FAILURE!'))).toBe(true);
    expect(log[log.length - 1]).toContain('FAILED');
  });

  it('has no custom tests when the outcome says so', () => {
    for (const action of ['functionalTest', 'uiTest'] as const) {
      const ctx = ctxFor(action, { outcome: { tests: 'noCustomTests' }, result: 'INCOMPLETE' });
      expect(content.testResults(ctx)).toMatchObject({ passed: 0, failed: 0, skipped: 0, tests: [] });
      const lines = text(main(ctx));
      expect(lines.length).toBeLessThan(10);
      expect(lines.join('\n')).toMatch(/No (custom functional test JAR|UI test image) found/);
    }
    expect(content.testResults(ctxFor('productTest', { outcome: { tests: 'noCustomTests' } })).tests.length).toBeGreaterThan(0);
  });

  it('writes the test names in the logs', () => {
    for (const action of ['productTest', 'functionalTest', 'uiTest'] as const) {
      const ctx = ctxFor(action);
      const log = text(main(ctx)).join('\n');
      for (const t of content.testResults(ctx).tests) expect(log).toContain(t.name);
    }
  });
});

describe('experience audit', () => {
  const aggregate = (ctx: ContentContext) => content.auditMetrics(ctx).reduce((sum, m) => sum + Number(m.actualValue), 0);
  const perf = (ctx: ContentContext) => Number(content.auditMetrics(ctx)[0].actualValue);

  it('scores every configured page on mobile and desktop', () => {
    for (const seed of SEEDS) {
      const ctx = ctxFor('contentAudit', { seed });
      const results = content.auditResults(ctx);
      expect(results.pages.length + results.failedPages.length).toBe(ctx.pipeline.sim.auditPages.length);
      expect(results.pages[0].path).toBe('/');
      for (const f of results.failedPages) expect(AUDIT_FAILURE_REASONS).toContain(f.reason);
      for (const page of results.pages) {
        expect(page.url).toBe(`https://publish-p1-e21.adobeaemcloud.com${page.path}`);
        for (const device of ['mobile', 'desktop'] as const) {
          for (const value of Object.values(page[device])) {
            expect(Number.isInteger(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
        }
        expect(page.mobile.performance).toBeLessThan(page.desktop.performance);
        for (const key of Object.keys(page.mobile) as (keyof typeof page.mobile)[])
          expect(page.mobile[key]).toBeLessThanOrEqual(page.desktop[key]);
      }
    }
  });

  it('audits the home page when no page is configured', () => {
    const results = content.auditResults(ctxFor('contentAudit', { auditPages: [] }));
    expect(results.pages.map((p) => p.path)).toEqual(['/']);
  });

  it('aggregates the median of the mobile scores as informational metrics', () => {
    const ctx = ctxFor('contentAudit');
    const results = content.auditResults(ctx);
    const metrics = content.auditMetrics(ctx);
    expect(metrics.map((m) => m.kpi)).toEqual(['performance', 'accessibility', 'best-practices', 'seo', 'pwa']);
    for (const m of metrics) {
      expect(m).toMatchObject({ severity: 'informational', comparator: 'GTE', expectedValue: '80', override: false });
      expect(m.actualValue).toBe(String(median(results.pages.map((p) => p.mobile[m.kpi as 'seo']))));
      expect(m.passed).toBe(Number(m.actualValue) >= 80);
    }
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 5])).toBe(3);
  });

  it('keeps runs of the same pipeline close, and a regression clearly lower', () => {
    for (const seed of SEEDS) {
      const normal = ctxFor('contentAudit', { seed });
      const next = ctxFor('contentAudit', { seed: seed + 1 });
      expect(Math.abs(perf(normal) - perf(next))).toBeLessThanOrEqual(8);
      const regression = ctxFor('contentAudit', { seed: seed + 1, outcome: { audit: 'regression' } });
      expect(aggregate(regression)).toBeLessThan(aggregate(normal));
      expect(perf(regression)).toBeLessThan(perf(normal));
      expect(aggregate(ctxFor('contentAudit', { seed, outcome: { audit: 'regression' } }))).toBeLessThan(aggregate(normal));
      expect(aggregate(ctxFor('contentAudit', { seed, outcome: { audit: 'improvement' } }))).toBeGreaterThan(aggregate(normal));
    }
  });

  it('logs a Lighthouse run per page and device', () => {
    const ctx = ctxFor('contentAudit');
    const log = text(main(ctx));
    for (const page of content.auditResults(ctx).pages) {
      expect(log.some((l) => l.includes(`${page.path} (mobile): performance ${page.mobile.performance}`))).toBe(true);
      expect(log.some((l) => l.includes(`${page.path} (desktop): performance ${page.desktop.performance}`))).toBe(true);
    }
  });
});

describe('linesUpTo', () => {
  it('grows monotonically with progress', () => {
    const lines = main(ctxFor('build'));
    let previous = '';
    for (let p = 0; p <= 1.0001; p += 0.05) {
      const current = linesUpTo(lines, Math.min(1, p));
      expect(current.startsWith(previous)).toBe(true);
      expect(current.length).toBeGreaterThanOrEqual(previous.length);
      if (current) expect(current.endsWith('\n')).toBe(true);
      previous = current;
    }
    expect(linesUpTo(lines, 1)).toBe(`${lines.map((l) => l.text).join('\n')}\n`);
    expect(linesUpTo(lines, 0)).toBe('');
    expect(linesUpTo([], 1)).toBe('');
    expect(
      linesUpTo(
        [
          { at: 0.5, text: 'a' },
          { at: 1, text: 'b' },
        ],
        0.5,
      ),
    ).toBe('a\n');
  });
});
