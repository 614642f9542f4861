/**
 * Code quality step logs: 'main' (SonarQube analysis, OakPAL checks, the quality gate summary)
 * and 'sonarLogFile' (the SonarScanner log).
 */
import { LogBuilder, isoSeconds, projectInfo } from './log-builder';
import { codeQualityMetrics } from './metrics';
import { rngFor } from './rng';
import { scanIssues } from './scan-issues';
import type { ContentContext, LogLine } from './types';

const ROOT = '/build_root/build';
const MODULES = [
  'core',
  'ui.frontend',
  'ui.apps.structure',
  'ui.apps',
  'ui.config',
  'ui.content',
  'all',
  'it.tests',
  'dispatcher',
  'ui.tests',
];

/** How the UI words each KPI's pass condition. */
const KPI_LABELS: Record<string, string> = {
  security_rating: 'Security Rating is B or better',
  reliability_rating: 'Reliability Rating is D or better',
  sqale_rating: 'Maintainability Rating is A',
  coverage: 'Code Coverage is 50% or more',
  skipped_tests: 'Skipped Unit Tests is 1 or less',
  open_issues: 'Open Issues is 0',
  duplicated_lines_density: 'Duplicated Lines is 1% or less',
  cloud_service_compatibility: 'Cloud Service Compatibility issues is 0',
};

export function qualityMainLog(ctx: ContentContext): LogLine[] {
  const rng = rngFor(ctx, 'quality-log', ctx.step.id);
  const project = projectInfo(ctx);
  const metrics = codeQualityMetrics(ctx);
  const issues = scanIssues(ctx);
  const b = new LogBuilder();
  b.line((c) => `${isoSeconds(c.now)} Code scanning started for execution ${ctx.execution.id}, commit ${ctx.execution.sim.commitId}`, 0.5)
    .line(`Repository ${project.repository}, branch ${project.branch}`)
    .line(
      'Executing command mvn --batch-mode org.jacoco:jacoco-maven-plugin:prepare-agent package org.jacoco:jacoco-maven-plugin:report sonar:sonar',
      1,
    )
    .line('[INFO] Scanning for projects...', 2)
    .line(`[INFO] Reusing the compiled classes and test results of the build step`, 20)
    .line('[INFO] --- sonar-maven-plugin:3.9.1.2184:sonar (default-cli) @ ' + project.slug + ' ---', 1)
    .line('[INFO] User cache: /root/.sonar/cache')
    .line('[INFO] SonarQube version: 9.9.4.87374')
    .line('[INFO] Quality profile for java: Cloud Manager Java (AEM custom rules)')
    .line('[INFO] Quality profile for xml: Sonar way')
    .line(`[INFO] ${rng.int(120, 260)} files indexed`, 8);
  for (const m of MODULES) b.line(`[INFO] Analyzing module ${project.slug}.${m}`, rng.float(2, 12));
  b.line('[INFO] Analysis report uploaded (see the sonarLogFile log for the scanner output)', 2)
    .line(`[INFO] ANALYSIS SUCCESSFUL: ${issues.length} issue${issues.length === 1 ? '' : 's'} found`, 10)
    .line('')
    .line('Running OakPAL checks on the content packages', 1)
    .line(`[INFO] --- oakpal-maven-plugin:2.2.2:scan (oakpal-scan) @ ${project.slug}.all ---`, 1);
  const checks = [
    'basic/subpackages',
    'basic/paths',
    'basic/overlaps',
    'basic/jcrProperties',
    'acHandling',
    'filterSets',
    'composite-store-alignment',
    'index-definitions',
    'mutable-content-in-immutable-paths',
  ];
  for (const check of checks) b.line(`[INFO] OakPAL check "${check}": 0 violations`, rng.float(0.5, 3));
  b.line(`[INFO] OakPAL scanned ${rng.int(5, 8)} packages, 0 violations`).line('');
  b.line('Quality gate results', 1);
  for (const m of metrics) {
    const label = KPI_LABELS[m.kpi] ?? m.kpi;
    const severity = m.severity === 'informational' ? 'Info' : m.severity[0].toUpperCase() + m.severity.slice(1);
    b.line(
      `  [${severity}] ${label}: ${m.actualValue}${m.kpi.endsWith('density') || m.kpi === 'coverage' ? '%' : ''} ${m.passed ? 'PASSED' : 'FAILED'}`,
    );
  }
  const criticalFailed = metrics.some((m) => m.severity === 'critical' && !m.passed);
  const importantFailed = metrics.filter((m) => m.severity === 'important' && !m.passed);
  b.line('');
  if (criticalFailed || ctx.step.sim.result === 'FAILED' || ctx.step.sim.result === 'ERROR') {
    b.line('[ERROR] Critical metrics failure. Please review the logs for more details to fix the issue.').line(
      'Code scanning FAILED: the pipeline stops here.',
    );
  } else if (importantFailed.length) {
    b.line(`[WARNING] Important metrics failed: ${importantFailed.map((m) => m.kpi).join(', ')}.`).line(importantFailureOutcome(ctx));
  } else {
    b.line('Code scanning PASSED.');
  }
  return b.build(ctx);
}

/** What the run does about important failures: a code quality pipeline only reports them; others follow the pipeline's behaviour. */
function importantFailureOutcome(ctx: ContentContext): string {
  if (ctx.pipeline.sim.kind === 'codeQuality')
    return 'Code scanning finished with important failures. A code quality pipeline does not hold on them: the failures are reported and the pipeline goes on.';
  switch (ctx.step.sim.importantMetricsBehavior ?? ctx.pipeline.sim.importantMetricsBehavior) {
    case 'FAIL':
      return 'Code scanning FAILED: the pipeline is set to fail immediately on important failures.';
    case 'CONTINUE':
      return 'Code scanning finished with important failures: the pipeline is set to continue immediately (overridden).';
    default:
      return 'Code scanning finished with important failures: waiting for a user to override or reject.';
  }
}

const SENSORS = [
  'JavaSensor [java]',
  'SurefireSensor [java]',
  'JaCoCo XML Report Importer [jacoco]',
  'CSS Rules [javascript]',
  'JavaScript/TypeScript analysis [javascript]',
  'C# Project Type Information [csharp]',
  'HTML [web]',
  'XML Sensor [xml]',
  'Text Sensor [text]',
  'IaC Docker Sensor [iac]',
  'Java Config Sensor [iac]',
  'Analyzer for "php.ini" files [php]',
  'CQRules sensor [aemrules]',
  'HTL Sensor [aemrules]',
];

export function sonarScannerLog(ctx: ContentContext): LogLine[] {
  const rng = rngFor(ctx, 'sonar-log', ctx.step.id);
  const project = projectInfo(ctx);
  const key = `${project.groupId}:${project.slug}`;
  const b = new LogBuilder();
  const t = (min: number, max: number) => `| time=${rng.int(min, max)}ms`;
  b.lines(
    [
      'INFO: Scanner configuration file: NONE',
      'INFO: Project root configuration file: NONE',
      'INFO: SonarScanner for Maven 3.9.1.2184',
      'INFO: Java 11.0.21 Azul Systems, Inc. (64-bit)',
      'INFO: Linux 5.15.0-1051-azure amd64',
      'INFO: User cache: /root/.sonar/cache',
      'INFO: Analyzing on SonarQube server 9.9.4.87374',
      'INFO: Default locale: "en_US", source code encoding: "UTF-8"',
      'INFO: Load global settings',
      `INFO: Load global settings (done) ${t(60, 400)}`,
      `INFO: Server id: ${rng.hex(8).toUpperCase()}-AY${rng.hex(16)}`,
      'INFO: Load/download plugins',
      'INFO: Load plugins index',
      `INFO: Load plugins index (done) ${t(20, 200)}`,
      `INFO: Load/download plugins (done) ${t(200, 2400)}`,
      'INFO: Process project properties',
      `INFO: Process project properties (done) ${t(5, 60)}`,
      'INFO: Execute project builders',
      `INFO: Execute project builders (done) ${t(1, 20)}`,
      `INFO: Project key: ${key}`,
      `INFO: Base dir: ${ROOT}`,
      `INFO: Working dir: ${ROOT}/target/sonar`,
      `INFO: Load project settings for component key: '${key}'`,
      `INFO: Load project settings for component key: '${key}' (done) ${t(20, 120)}`,
      'INFO: Load quality profiles',
      `INFO: Load quality profiles (done) ${t(50, 300)}`,
      'INFO: Load active rules',
      `INFO: Load active rules (done) ${t(800, 4000)}`,
      'INFO: Load analysis cache',
      `INFO: Load analysis cache (404) ${t(10, 60)}`,
      'INFO: Indexing files...',
      'INFO: Project configuration:',
      `INFO:   Excluded sources for coverage: **/it.tests/**, **/ui.tests/**`,
    ],
    0.3,
  );
  let indexed = 0;
  const perModule = MODULES.map((m) => {
    const files = m === 'core' ? rng.int(60, 110) : m === 'ui.frontend' ? rng.int(30, 80) : rng.int(4, 40);
    indexed += files;
    return { m, files };
  });
  b.line(`INFO: ${indexed} files indexed`, 2)
    .line(`INFO: ${rng.int(8, 40)} files ignored because of scm ignore settings`)
    .line('INFO: Quality profile for java: Cloud Manager Java (AEM custom rules)')
    .line('INFO: Quality profile for js: Sonar way')
    .line('INFO: Quality profile for xml: Sonar way')
    .line('INFO: Quality profile for css: Sonar way');
  for (const { m, files } of perModule) {
    b.line(`INFO: ------------- Run sensors on module ${project.title} - ${m}`, 0.5)
      .line('INFO: Load metrics repository')
      .line(`INFO: Load metrics repository (done) ${t(10, 80)}`);
    for (const sensor of SENSORS) {
      if (sensor.startsWith('JavaSensor') && m === 'core') {
        b.line(`INFO: Sensor ${sensor}`)
          .line('INFO: Configured Java source version (sonar.java.source): 11, preview features enabled (sonar.java.enablePreview): false')
          .line('INFO: Server-side caching is enabled. The Java analyzer will not try to leverage data from a previous analysis.')
          .line('INFO: Using ECJ batch to parse source files.')
          .line(`INFO: ${files} source files to be analyzed`);
        for (let i = 10; i <= files; i += Math.max(10, Math.round(files / 6)))
          b.line(`INFO: ${i}/${files} source files have been analyzed`, 2);
        b.line(`INFO: ${files}/${files} source files have been analyzed`, 1).line(`INFO: Sensor ${sensor} (done) ${t(3000, 12000)}`);
      } else if (sensor.startsWith('JaCoCo') && m === 'core') {
        b.line(`INFO: Sensor ${sensor}`)
          .line(`INFO: Importing 1 report(s). Turn your logs in debug mode in order to see the exhaustive list.`)
          .line(`INFO: Sensor ${sensor} (done) ${t(40, 300)}`);
      } else if (sensor.startsWith('SurefireSensor') && m === 'core') {
        b.line(`INFO: Sensor ${sensor}`)
          .line(`INFO: parsing [${ROOT}/core/target/surefire-reports]`)
          .line(`INFO: Sensor ${sensor} (done) ${t(20, 200)}`);
      } else {
        b.line(`INFO: Sensor ${sensor}`, 0.1).line(`INFO: Sensor ${sensor} (done) ${t(0, 400)}`, 0.1);
      }
    }
  }
  b.line('INFO: ------------- Run sensors on project', 1)
    .line('INFO: Sensor Zero Coverage Sensor')
    .line(`INFO: Sensor Zero Coverage Sensor (done) ${t(5, 80)}`)
    .line('INFO: Sensor Java CPD Block Indexer')
    .line(`INFO: Sensor Java CPD Block Indexer (done) ${t(40, 300)}`)
    .line('INFO: SCM Publisher SCM provider for this project is: git')
    .line(`INFO: SCM Publisher ${indexed} source files to be analyzed`, 4)
    .line(`INFO: SCM Publisher ${indexed}/${indexed} source files have been analyzed (done) ${t(900, 4000)}`)
    .line(`INFO: CPD Executor ${rng.int(5, 20)} files had no CPD blocks`)
    .line(`INFO: CPD Executor Calculating CPD for ${rng.int(40, 90)} files`)
    .line(`INFO: CPD Executor CPD calculation finished (done) ${t(20, 120)}`)
    .line(`INFO: Analysis report generated in ${rng.int(100, 600)}ms, dir size=${rng.float(300, 900).toFixed(1)} kB`, 2)
    .line(`INFO: Analysis report compressed in ${rng.int(40, 300)}ms, zip size=${rng.float(80, 300).toFixed(1)} kB`)
    .line(`INFO: Analysis report uploaded in ${rng.int(40, 400)}ms`, 1)
    .line(
      `INFO: ANALYSIS SUCCESSFUL, you can find the results at: https://sonarqube.cloudmanager.adobe.com/dashboard?id=${encodeURIComponent(key)}`,
    )
    .line('INFO: Note that you will be able to access the updated dashboard once the server has processed the submitted analysis report')
    .line(`INFO: More about the report processing at https://sonarqube.cloudmanager.adobe.com/api/ce/task?id=AY${rng.hex(18)}`)
    .line(
      (c) =>
        `INFO: Analysis total time: ${Math.floor((c.now - c.start) / 60_000)}:${String(Math.floor(((c.now - c.start) % 60_000) / 1000)).padStart(2, '0')}.${String((c.now - c.start) % 1000).padStart(3, '0')} s`,
    )
    .line('INFO: ------------------------------------------------------------------------')
    .line('INFO: EXECUTION SUCCESS')
    .line('INFO: ------------------------------------------------------------------------');
  return b.build(ctx);
}
