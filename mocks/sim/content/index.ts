/**
 * The simulator's content generators (see ./types.ts for the contract): step logs, code quality
 * metrics and issues, test results, experience audit results and deployment activities.
 * Everything is a pure function of the context: randomness comes from the execution's seed,
 * times from the step's start and planned duration.
 */
import { auditLog, auditMetrics, auditResults } from './audit';
import { deployActivities, deployPlan } from './deploy-plan';
import { buildLog } from './logs-build';
import { buildImageLog } from './logs-image';
import { qualityMainLog, sonarScannerLog } from './logs-quality';
import { codeQualityMetrics } from './metrics';
import { scanIssues } from './scan-issues';
import { testLog, testResults } from './tests';
import { logFiles } from './log-files';
import type { ContentContext, ContentGenerators, LogLine } from './types';

export { renderScanIssuesCsv, SCAN_CSV_HEADER } from './scan-issues';
export { linesUpTo, logFiles } from './log-files';
export type * from './types';

function logLines(ctx: ContentContext, file: string): LogLine[] | undefined {
  if (!logFiles(ctx).includes(file)) return undefined;
  switch (ctx.step.action) {
    case 'build':
      return buildLog(ctx);
    case 'codeQuality':
      return file === 'sonarLogFile' ? sonarScannerLog(ctx) : qualityMainLog(ctx);
    case 'buildImage':
      return buildImageLog(ctx);
    case 'deploy':
      return deployPlan(ctx).lines;
    case 'productTest':
    case 'functionalTest':
    case 'uiTest':
      return testLog(ctx);
    case 'contentAudit':
      return auditLog(ctx);
    default:
      return undefined;
  }
}

export const content: ContentGenerators = {
  logLines,
  logFiles,
  codeQualityMetrics,
  scanIssues,
  testResults,
  auditResults,
  auditMetrics,
  deployActivities,
};
