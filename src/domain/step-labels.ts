/**
 * Cloud Manager's words for a step state: its title, its description line (tense follows the
 * state) and its status word. One place, so the timeline, the left column and tests agree.
 */
import type { StepState } from '../api/types';

export type StepTone = 'positive' | 'negative' | 'notice' | 'neutral' | 'info';
export type StepIcon = 'check' | 'alert' | 'cancel' | 'spinner' | 'waiting' | 'scheduled' | 'neutral' | 'unknown' | 'pending';

export interface StepStatusInfo {
  word: string;
  tone: StepTone;
  icon: StepIcon;
}

type StepLike = Pick<StepState, 'action' | 'status' | 'environmentType' | 'details'>;

const TEST_ACTIONS = new Set(['productTest', 'functionalTest', 'uiTest', 'contentAudit']);

export function isProdDeploy(step: Pick<StepState, 'action' | 'environmentType'>): boolean {
  return step.action === 'deploy' && step.environmentType === 'prod';
}

export function stepTitle(step: Pick<StepState, 'action' | 'environmentType' | 'environment'>): string {
  switch (step.action) {
    case 'validate':
      return 'Validation';
    case 'build':
      return 'Build & Unit Testing';
    case 'codeQuality':
      return 'Code Scanning';
    case 'buildImage':
      return 'Build Images';
    case 'deploy':
      if (step.environmentType === 'prod') return 'Deploy to Production';
      if (step.environmentType === 'stage') return 'Deploy to Stage';
      if (step.environmentType === 'dev') return 'Deploy to Dev';
      return step.environmentType ? `Deploy to ${step.environmentType}` : 'Deploy';
    case 'productTest':
      return 'Product Functional Testing';
    case 'functionalTest':
      return 'Custom Functional Testing';
    case 'uiTest':
      return 'Custom UI Testing';
    case 'contentAudit':
      return 'Experience Audit';
    case 'approval':
      return 'Application for Approval';
    case 'schedule':
      return 'Schedule Production Deployment';
    case 'managed':
      return 'CSE Support';
    default:
      return step.action || 'Step';
  }
}

type Tense = 'pending' | 'active' | 'done';

function tenseOf(status: string): Tense {
  if (status === 'FINISHED' || status === 'INCOMPLETE') return 'done';
  if (status === 'RUNNING' || status === 'WAITING' || status === 'ROLLING_BACK') return 'active';
  return 'pending';
}

/** The grey description line; its tense follows the step (will be / is being / has been). */
export function stepDescription(step: StepLike): string {
  const tense = tenseOf(step.status);
  const t = (pending: string, active: string, done: string) => (tense === 'done' ? done : tense === 'active' ? active : pending);
  const details = step.details ?? {};
  switch (step.action) {
    case 'validate':
      return t(
        'Your pipeline will be verified against a set of pre-defined rules.',
        'Your pipeline is being verified against a set of pre-defined rules.',
        'Your pipeline has been verified against a set of pre-defined rules.',
      );
    case 'build':
      if (details.reusedArtifacts === true) return 'A previously compiled build artifact has been reused for this step.';
      return t(
        'Your application code will be tested for quality and compiled into build artifacts',
        'Your application code is being tested for quality and compiled into build artifacts',
        'Your application code has been tested for quality and compiled into build artifacts',
      );
    case 'codeQuality':
      return t(
        'Your application code will be verified against a selected set of rules used for AEM applications.',
        'Your application code is being verified against a selected set of rules used for AEM applications.',
        'Your application code has been verified against a selected set of rules used for AEM applications.',
      );
    case 'buildImage': {
      const release = typeof details.aemRelease === 'string' && details.aemRelease ? `AEM release ${details.aemRelease}` : 'AEM release';
      return t(
        `Your built artifacts will be combined with the base ${release} to produce an image runnable in the cloud`,
        `Your built artifacts are being combined with the base ${release} to produce an image runnable in the cloud`,
        `Your built artifacts have been combined with the base ${release} to produce an image runnable in the cloud`,
      );
    }
    case 'deploy':
      if (['FAILED', 'ERROR', 'CANCELLED', 'ROLLED_BACK'].includes(step.status)) return 'Deployment did not complete.';
      return t('Artifact is awaiting Deployment', 'Deployment in progress.', 'Deployment complete.');
    case 'productTest':
      return t(
        "Adobe's product functional tests will be run against your stage environment.",
        "Adobe's product functional tests are being run against your stage environment.",
        "Adobe's product functional tests have been run against your stage environment.",
      );
    case 'functionalTest':
      return t(
        'Your custom functional tests will be run against your stage environment.',
        'Your custom functional tests are being run against your stage environment.',
        'Your custom functional tests have been run against your stage environment.',
      );
    case 'uiTest':
      return t(
        'Your custom UI tests will be run against your stage environment.',
        'Your custom UI tests are being run against your stage environment.',
        'Your custom UI tests have been run against your stage environment.',
      );
    case 'contentAudit':
      return t(
        'Your stage pages will be audited for performance, accessibility, best practices and SEO.',
        'Your stage pages are being audited for performance, accessibility, best practices and SEO.',
        'Your stage pages have been audited for performance, accessibility, best practices and SEO.',
      );
    case 'approval':
      return t(
        'The deployment to production will wait for approval.',
        'The deployment to production is waiting for approval.',
        'The deployment to production has been approved.',
      );
    case 'schedule':
      if (step.status === 'RUNNING' && typeof details.scheduledFor === 'string') return 'The production deployment has been scheduled.';
      return t(
        'The production deployment will be scheduled.',
        'The production deployment starts when you confirm its date and time.',
        'The production deployment has been scheduled.',
      );
    default:
      return '';
  }
}

function wasOverridden(step: StepLike): boolean {
  const input = step.details?.input as { metrics?: { override?: boolean }[] } | undefined;
  return Array.isArray(input?.metrics) && input.metrics.some((metric) => metric?.override === true);
}

/** The status word with its icon and tone: never colour alone, unknown never reads as success. */
export function stepStatusInfo(step: StepLike): StepStatusInfo {
  switch (step.status) {
    case 'NOT_STARTED':
      return { word: 'Not started', tone: 'neutral', icon: 'pending' };
    case 'RUNNING':
      if (step.action === 'schedule' && typeof step.details?.scheduledFor === 'string')
        return { word: 'Scheduled', tone: 'info', icon: 'scheduled' };
      return { word: 'Running…', tone: 'info', icon: 'spinner' };
    case 'WAITING':
      return { word: 'Waiting for your decision', tone: 'notice', icon: 'waiting' };
    case 'FINISHED':
      switch (step.action) {
        case 'build':
          return { word: 'Succeeded', tone: 'positive', icon: 'check' };
        case 'deploy':
          return { word: 'Completed', tone: 'positive', icon: 'check' };
        case 'codeQuality':
          return { word: wasOverridden(step) ? 'Overridden' : 'Passed', tone: 'positive', icon: 'check' };
        case 'approval':
          return { word: 'Approved', tone: 'positive', icon: 'check' };
        case 'schedule':
          return { word: 'Scheduled', tone: 'positive', icon: 'check' };
        default:
          return { word: 'Passed', tone: 'positive', icon: 'check' };
      }
    case 'FAILED':
      return { word: step.details?.timedOut === true ? 'Failed - Timed out' : 'Failed', tone: 'negative', icon: 'alert' };
    case 'ERROR':
      return { word: 'Error', tone: 'negative', icon: 'alert' };
    case 'CANCELLED':
      if (step.details?.timedOut === true) return { word: 'Cancelled - Timed out', tone: 'negative', icon: 'cancel' };
      return { word: step.action === 'approval' ? 'Cancelled - Rejected' : 'Cancelled', tone: 'negative', icon: 'cancel' };
    case 'INCOMPLETE':
      return TEST_ACTIONS.has(step.action)
        ? { word: 'No tests', tone: 'neutral', icon: 'neutral' }
        : { word: 'Incomplete', tone: 'neutral', icon: 'neutral' };
    case 'ROLLING_BACK':
      return { word: 'Rolling back…', tone: 'notice', icon: 'spinner' };
    case 'ROLLED_BACK':
      return { word: 'Rolled back', tone: 'negative', icon: 'alert' };
    default:
      // The raw value is text from the API (shown as text), trimmed so a long one cannot flood the row.
      return { word: step.status ? `Unknown (${String(step.status).slice(0, 40)})` : 'Unknown', tone: 'notice', icon: 'unknown' };
  }
}

/** A held step expires 14 days after it started waiting (its `updatedAt`). */
export const HOLD_TIMEOUT_MS = 14 * 24 * 60 * 60 * 1000;
