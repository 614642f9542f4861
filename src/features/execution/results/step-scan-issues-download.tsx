import { fetchStepArtifactText } from '../../../api/artifacts';
import { useStepArtifacts, useStepMetrics } from '../../../api/queries';
import type { StepState } from '../../../api/types';
import { DownloadTextButton } from '../../../components/download-text-button';

/**
 * Code Scanning's "Download Details": the CSV of flagged issues (the step's SCAN_ISSUES artifact),
 * offered once the step's artifacts list holds one (the scan has ended or waits for a decision).
 */
export function StepScanIssuesDownload({ step }: { step: StepState }) {
  const artifacts = useStepArtifacts(step);
  const hasIssues = artifacts.data?._embedded?.artifacts?.some((a) => a.type === 'SCAN_ISSUES') === true;
  // Filled when the scan found issues (open_issues above 0), as in Cloud Manager; outlined otherwise.
  const metrics = useStepMetrics(hasIssues ? step : undefined);
  const openIssues = Number(metrics.data?.metrics?.find((m) => m.kpi === 'open_issues')?.actualValue ?? 0);
  if (!hasIssues) return null;
  return (
    <DownloadTextButton
      label="Download Details"
      filename={`code-quality-issues-${step.executionId ?? 'execution'}.csv`}
      what="the code scanning issues"
      type="text/csv;charset=utf-8"
      load={() => fetchStepArtifactText(step, 'SCAN_ISSUES')}
      emphasized={openIssues > 0}
    />
  );
}
