import { fetchStepArtifactText } from '../../../api/artifacts';
import { useStepArtifacts } from '../../../api/queries';
import type { StepState } from '../../../api/types';
import { DownloadTextButton } from '../../../components/download-text-button';

/**
 * Code Scanning's "Download Details": the CSV of flagged issues (the step's SCAN_ISSUES artifact),
 * offered once the step's artifacts list holds one (the scan has ended or waits for a decision).
 */
export function StepScanIssuesDownload({ step }: { step: StepState }) {
  const artifacts = useStepArtifacts(step);
  const hasIssues = artifacts.data?._embedded?.artifacts?.some((a) => a.type === 'SCAN_ISSUES') === true;
  if (!hasIssues) return null;
  return (
    <DownloadTextButton
      label="Download Details"
      filename={`code-quality-issues-${step.executionId ?? 'execution'}.csv`}
      what="the code scanning issues"
      type="text/csv;charset=utf-8"
      load={() => fetchStepArtifactText(step, 'SCAN_ISSUES')}
    />
  );
}
