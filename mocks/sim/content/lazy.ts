/**
 * The content generators for the embedded simulator (mocks/browser.ts), made to start light
 * (issue #17): what the engine and the API's bodies call on any request (which logs a step has,
 * code quality and audit metrics, a deployment's activities) is here from the start; the log,
 * scan-issue and test-result generators load with import() the first time a file is asked for.
 * The engine stays synchronous: the file routes await `ready()` before they call it
 * (mocks/api/routes/files.ts); called before that, a heavy generator throws.
 */
import { auditMetrics, auditResults } from './audit';
import { deployActivities } from './deploy-plan';
import { logFiles } from './log-files';
import { codeQualityMetrics } from './metrics';
import type { ContentGenerators } from './types';

let loaded: ContentGenerators | undefined;
let loading: Promise<void> | undefined;

function heavy(): ContentGenerators {
  if (!loaded) throw new Error('The content generators are not loaded yet: await content.ready() first.');
  return loaded;
}

export const lazyContent: ContentGenerators = {
  logFiles,
  codeQualityMetrics,
  auditMetrics,
  auditResults,
  deployActivities,
  logLines: (ctx, file) => heavy().logLines(ctx, file),
  scanIssues: (ctx) => heavy().scanIssues(ctx),
  testResults: (ctx) => heavy().testResults(ctx),
  ready: () =>
    (loading ??= import('./index').then(
      (module) => {
        loaded = module.content;
      },
      (error: unknown) => {
        loading = undefined; // a failed download is tried again on the next request
        throw error;
      },
    )),
};
