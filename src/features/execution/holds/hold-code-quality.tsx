import { Button, DialogTrigger, Flex, Text } from '@adobe/react-spectrum';
import { lazy, Suspense } from 'react';
import ViewDetail from '@spectrum-icons/workflow/ViewDetail';
import { overrideQuality, rejectQuality } from '../../../api/actions';
import { actionRequest } from '../../../api/action-request';
import { CopyCurlMenu } from '../../../components/copy-curl/copy-curl-menu';
import { findLink, rel } from '../../../api/links';
import { useStepMetrics } from '../../../api/queries';
import type { StepState } from '../../../api/types';
import { stepStateKey, useStepAction } from '../../../api/use-step-action';
import { HoldDecisionButton } from './hold-decision-button';
import { StepScanIssuesDownload } from '../results/step-scan-issues-download';

// The Review Summary table loads when it is opened, not with the execution page (issue #5).
const HoldCodeQualityDialog = lazy(() => import('./hold-code-quality-dialog').then((m) => ({ default: m.HoldCodeQualityDialog })));

/** Every failing important metric that is not overridden yet: the Override body lists them all. */
export function failingImportantKpis(metrics: { severity?: string; passed?: boolean; override?: boolean; kpi?: string }[]): string[] {
  return metrics.filter((m) => m.severity === 'important' && !m.passed && !m.override && m.kpi).map((m) => m.kpi as string);
}

/**
 * Code Scanning: "Review Summary" (the metrics dialog) whenever the step has metrics, "Download
 * Details" (the issues CSV) once the scan has its issues artifact, and while the quality gate
 * holds, Reject / Override (each only when its link exists).
 */
export function HoldCodeQuality({ step }: { step: StepState }) {
  const action = useStepAction(stepStateKey(step));
  const hasMetrics = findLink(step, rel.metrics) !== undefined;
  const held = step.status === 'WAITING';
  const canOverride = overrideQuality(step, []).link !== undefined;
  const metrics = useStepMetrics(held && canOverride ? step : undefined);
  const failing = failingImportantKpis(metrics.data?.metrics ?? []);
  const decisions = held ? (
    <>
      <HoldDecisionButton
        decision={rejectQuality(step)}
        sender={action}
        label="Reject"
        title="Reject the important metric failures?"
        confirmLabel="Reject"
        destructive
        success="The important metric failures were rejected."
      >
        <Text>The code scanning step fails and the execution stops.</Text>
      </HoldDecisionButton>
      <HoldDecisionButton
        decision={overrideQuality(step, failing)}
        sender={action}
        label="Override"
        title="Override the important metric failures?"
        confirmLabel="Override"
        isDisabled={failing.length === 0}
        success="The important metric failures were overridden."
      >
        <Text>
          The execution continues despite {failing.length} failing important metric{failing.length === 1 ? '' : 's'}: {failing.join(', ')}.
        </Text>
      </HoldDecisionButton>
    </>
  ) : null;
  return (
    <Flex gap="size-100" wrap UNSAFE_className="hold hold-code-quality">
      {hasMetrics ? (
        <DialogTrigger>
          <Button variant="secondary" style="outline">
            <ViewDetail />
            <Text>Review Summary</Text>
          </Button>
          {(close) => (
            <Suspense fallback={null}>
              <HoldCodeQualityDialog step={step} close={close} actions={held ? <Flex gap="size-100">{decisions}</Flex> : undefined} />
            </Suspense>
          )}
        </DialogTrigger>
      ) : null}
      <StepScanIssuesDownload step={step} />
      {decisions}
      {held ? (
        <CopyCurlMenu
          about="the quality gate's decisions"
          items={[
            { label: 'Reject', request: actionRequest(rejectQuality(step)) },
            { label: 'Override', request: failing.length ? actionRequest(overrideQuality(step, failing)) : undefined },
          ]}
        />
      ) : null}
    </Flex>
  );
}
