/**
 * "View slowest pages": the 5 pages with the lowest Performance, their four scores and each one's
 * change from the same page in the previous run, on Mobile (default) or Desktop.
 */
import { Button } from '@adobe/react-spectrum';
import { useState } from 'react';
import type { AuditRun } from '../../../api/audit-history';
import type { StepState } from '../../../api/types';
import { QueryState } from '../../../components/query-state';
import { AuditDialog } from './audit-dialog';
import { DEVICE_LABELS, slowestPages, type Device } from '../../../domain/experience-audit-results';
import { DevicePicker } from './device-picker';
import { PageScoresTable } from './page-scores-table';
import { useAuditResults } from './use-audit-results';

export const SLOWEST_COUNT = 5;

interface SlowestPagesDialogProps {
  step: StepState;
  previousRun: AuditRun | undefined;
  onViewFullReport: () => void;
}

export function SlowestPagesDialog({ step, previousRun, onViewFullReport }: SlowestPagesDialogProps) {
  const [device, setDevice] = useState<Device>('mobile');
  const current = useAuditResults(step);
  const previous = useAuditResults(previousRun?.step);
  const pages = slowestPages(current.results?.pages ?? [], device, SLOWEST_COUNT);
  const viewFullReport = (
    <Button variant="secondary" onPress={onViewFullReport}>
      View full report
    </Button>
  );
  return (
    <AuditDialog title={`Slowest ${SLOWEST_COUNT} pages`} wide previousRun={previousRun} actions={viewFullReport}>
      <DevicePicker device={device} onChange={setDevice} />
      <QueryState
        what="the audited pages"
        isPending={current.isLoading || previous.isLoading}
        error={current.error}
        onRetry={current.refetch}
        isEmpty={pages.length === 0}
        empty="No page could be audited."
      >
        <PageScoresTable label={`Slowest pages (${DEVICE_LABELS[device]})`} pages={pages} device={device} previous={previous.results} />
      </QueryState>
    </AuditDialog>
  );
}
