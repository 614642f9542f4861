/**
 * One step of the execution timeline: title, description (tense follows the state), metadata,
 * status line, errors, rolling deploy progress, and the step's buttons — each button only when
 * the step state carries its link. Memoised: React Query's structural sharing keeps an unchanged
 * step state the same object, so a poll that changes nothing re-renders no step.
 */
import { Flex, Heading, Link, Text } from '@adobe/react-spectrum';
import { memo } from 'react';
import { reExecute } from '../../../api/actions';
import { findLink, rel } from '../../../api/links';
import type { StepState } from '../../../api/types';
import { formatFinishTime } from '../../../lib/format';
import { HoldApproval, type ConsoleLinks } from '../holds/hold-approval';
import { HoldCodeQuality } from '../holds/hold-code-quality';
import { HoldExpiry } from '../holds/hold-expiry';
import { DisabledCancel } from '../holds/disabled-cancel';
import { HoldSchedule, ScheduleDecided } from '../holds/hold-schedule';
import { LogDialog } from '../log-viewer/log-dialog';
import { ExperienceAudit } from '../experience-audit/experience-audit';
import { StepDeployProgress } from './step-deploy-progress';
import { decisionText } from '../../../domain/who-did-it';
import { StepDurationComparison } from '../results/step-duration-comparison';
import { StepErrors } from './step-errors';
import { isProdDeploy, stepDescription, stepStatusInfo, stepTitle } from '../../../domain/step-labels';
import { StepLogDownloadButton } from '../log-viewer/step-log-download-button';
import { StepMetadata, type MetadataRow } from './step-metadata';
import { StepReExecuteButton } from './step-re-execute-button';
import { StepStatusLine } from './step-status-line';
import { useKeepFocusInStep } from './use-keep-focus';
import { StepTestResults } from '../results/step-test-results';
import './step-timeline.css';

export interface StepItemProps {
  step: StepState;
  executionId?: string;
  /** The execution's artifactsVersion (GIT TAG on the build step). */
  artifactsVersion?: string;
  /** The build step of this execution (the production deploy step offers its log). */
  buildStep?: StepState;
  /** Stage author / publish URLs for the approval step. */
  consoleLinks?: ConsoleLinks;
  /** Why this step cannot be cancelled, where Cloud Manager shows a disabled Cancel under it. */
  cannotCancel?: string;
}

const TEST_ACTIONS = new Set(['productTest', 'functionalTest', 'uiTest']);
const isTestStep = (step: StepState) => TEST_ACTIONS.has(step.action);

function errorsOf(step: StepState): string[] {
  const errors = step.details?.errors;
  return Array.isArray(errors) ? errors.map(String) : [];
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function StepItemView({ step, executionId, artifactsVersion, buildStep, consoleLinks, cannotCancel }: StepItemProps) {
  const title = stepTitle(step);
  const info = stepStatusInfo(step);
  const pending = step.status === 'NOT_STARTED';
  const running = step.status === 'RUNNING';
  const waiting = step.status === 'WAITING';
  const prodDeploy = isProdDeploy(step);
  const logs = findLink(step, rel.logs);
  const buildLogs = prodDeploy && !pending ? findLink(buildStep, rel.logs) : undefined;
  const details = step.details ?? {};
  const logName = (action: string) => `${action}-${executionId ?? step.executionId ?? 'execution'}.log`;

  const rows: MetadataRow[] = [];
  if (step.action === 'build') {
    rows.push({ label: 'Repository', value: step.repository }, { label: 'Branch', value: step.branch });
    if (!pending) rows.push({ label: 'Git tag', value: artifactsVersion }, { label: 'Commit', value: step.commitId });
    // A run built from a pull request: its link, when the build step's details carry one (not in the public spec).
    const pullRequest =
      typeof details.pullRequestUrl === 'string' && /^https?:\/\//.test(details.pullRequestUrl) ? details.pullRequestUrl : undefined;
    if (pullRequest)
      rows.push({
        label: 'Pull request',
        value: (
          <Link href={pullRequest} target="_blank" rel="noreferrer">
            {pullRequest}
          </Link>
        ),
      });
  }
  if (step.action === 'buildImage' && typeof details.aemRelease === 'string')
    rows.push({ label: 'AEM release', value: details.aemRelease });

  const scheduledFor = step.action === 'schedule' && typeof details.scheduledFor === 'string' ? details.scheduledFor : undefined;
  const decided = decisionText(step);
  const focusHome = useKeepFocusInStep<HTMLLIElement>();

  return (
    <li
      ref={focusHome}
      // focusable from script only: where focus goes when the step's focused control goes away
      tabIndex={-1}
      className={`step-item step-item--${info.tone}${pending ? ' step-item--pending' : ''}${waiting ? ' step-item--waiting' : ''}`}
      data-status={step.status}
      data-action={step.action}
    >
      <span className={`step-bullet step-bullet--${pending ? 'pending' : info.tone}`} aria-hidden />
      <Flex direction="column" gap="size-75" UNSAFE_className="step-body">
        <Heading level={3} margin={0} UNSAFE_className="step-title">
          {title}
          {pending ? <span style={visuallyHidden}> (not started)</span> : null}
        </Heading>
        <Text UNSAFE_className="step-description">{stepDescription(step)}</Text>
        {step.action === 'build' && details.reusedArtifacts === true && typeof details.sourceExecutionId === 'string' ? (
          <Text UNSAFE_className="step-reused">Artifacts reused from execution {details.sourceExecutionId}</Text>
        ) : null}
        <StepMetadata rows={rows} />
        {scheduledFor && (running || step.status === 'FINISHED') ? (
          <Text UNSAFE_className="step-scheduled">Deployment scheduled for {formatFinishTime(scheduledFor)}</Text>
        ) : null}
        <StepStatusLine step={step} />
        {decided ? <Text UNSAFE_className="step-decided">{decided}</Text> : null}
        {step.finishedAt ? <StepDurationComparison step={step} /> : null}
        {waiting ? <HoldExpiry waitingSince={step.updatedAt ?? step.startedAt} /> : null}
        <StepErrors errors={errorsOf(step)} />
        {prodDeploy && !pending ? <StepDeployProgress description={details.deploymentStepDescription} /> : null}
        {waiting && step.action === 'approval' ? <HoldApproval step={step} consoleLinks={consoleLinks} /> : null}
        {waiting && step.action === 'schedule' ? <HoldSchedule step={step} /> : null}
        {step.action === 'schedule' && (running || step.status === 'FINISHED') ? <ScheduleDecided step={step} /> : null}
        {step.action === 'codeQuality' && !pending ? <HoldCodeQuality step={step} /> : null}
        {isTestStep(step) && !pending ? <StepTestResults step={step} /> : null}
        {step.action === 'contentAudit' && !pending ? <ExperienceAudit step={step} /> : null}
        {logs || buildLogs || reExecute(step).link ? (
          <Flex gap="size-100" wrap UNSAFE_className="step-buttons">
            {logs ? <LogDialog link={logs} title={title} running={running} /> : null}
            {logs ? <StepLogDownloadButton link={logs} filename={logName(step.action)} label="Download log" /> : null}
            {logs && step.action === 'codeQuality' ? (
              <StepLogDownloadButton link={logs} file="sonarLogFile" filename={logName('sonar')} label="Download SonarQube log" />
            ) : null}
            {buildLogs ? <StepLogDownloadButton link={buildLogs} filename={logName('build')} label="Download build log" /> : null}
            {prodDeploy ? <StepReExecuteButton step={step} /> : null}
          </Flex>
        ) : null}
        {cannotCancel ? <DisabledCancel reason={cannotCancel} /> : null}
      </Flex>
    </li>
  );
}

export const StepItem = memo(StepItemView);
