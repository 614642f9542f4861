/**
 * Contract between the engine (mocks/sim/engine.ts) and the content generators in this folder.
 * Every generator is a pure function of its arguments: the same execution (its `sim.seed` and
 * `sim.outcome`) always gives the same text and numbers.
 */
import type { Environment, Execution, Metric, Pipeline, Program, StepState } from '../model';

/** One line of a step log; `at` is the fraction (0..1) of the step's run time at which it is written. */
export interface LogLine {
  at: number;
  text: string;
}

export interface ContentContext {
  program: Program;
  pipeline: Pipeline;
  execution: Execution;
  step: StepState;
  /** The environment the step targets (deploy, tests, audit), if any. */
  environment?: Environment;
}

/** Simulator format (not Adobe's) for test step results, served as an artifact. */
export interface TestResults {
  format: 'cloud-manager-simulator/test-results@1';
  passed: number;
  failed: number;
  skipped: number;
  tests: { name: string; className: string; status: 'passed' | 'failed' | 'skipped'; durationMs: number; message?: string }[];
}

/** Simulator format (not Adobe's) for the experience audit, served as a CONTENT_AUDIT_RESULTS artifact. */
export interface AuditResults {
  format: 'cloud-manager-simulator/experience-audit@1';
  aggregation: 'median';
  pages: {
    path: string;
    url: string;
    mobile: AuditScores;
    desktop: AuditScores;
  }[];
  failedPages: { path: string; reason: string }[];
}

export interface AuditScores {
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
  pwa: number;
}

/** One activity of a rolling production deployment, in the shape of deploymentStepDescription items. */
export interface DeployActivity {
  /** Fraction of the step's run time at which the activity is recorded. */
  at: number;
  id: string;
  stepAction: string;
  instanceId: string;
  description: string;
}

export interface ScanIssue {
  creationDate: string;
  fileLocation: string;
  projectFileLocation: string;
  lineNumber: number;
  message: string;
  type: 'Vulnerability' | 'Bug' | 'Code Smell';
  severity: 'Blocker' | 'Critical' | 'Major' | 'Minor' | 'Info';
  effort: string;
  rule: string;
  tags: string;
  documentation: string;
}

/** The generators the engine calls (implemented in ./index.ts). */
export interface ContentGenerators {
  /** Log lines for `file` ('main' is the step's log; codeQuality also has 'sonarLogFile'). undefined = no such log. */
  logLines(ctx: ContentContext, file: string): LogLine[] | undefined;
  /** Names of the log files a step has; [] when it has none (validate, approval, schedule). */
  logFiles(ctx: ContentContext): string[];
  codeQualityMetrics(ctx: ContentContext): Metric[];
  scanIssues(ctx: ContentContext): ScanIssue[];
  testResults(ctx: ContentContext): TestResults;
  auditResults(ctx: ContentContext): AuditResults;
  /** Aggregate experience audit metrics (performance, accessibility, best-practices, seo, pwa). */
  auditMetrics(ctx: ContentContext): Metric[];
  deployActivities(ctx: ContentContext): DeployActivity[];
  /**
   * Resolves once every generator can be called. Only where some load on first use (the embedded
   * simulator's ./lazy.ts); the API's file routes await it before they read a log or an artifact.
   */
  ready?(): Promise<void>;
}
