/**
 * "View full report": every audited page with its four scores and their changes, sortable and
 * 10 to a page (Previous / Next); a page's row opens its details (PWA included); the pages that
 * could not be audited, with their reasons.
 */
import { DialogContainer, Heading, Text } from '@adobe/react-spectrum';
import { useState } from 'react';
import type { AuditRun } from '../../../api/audit-history';
import type { StepState } from '../../../api/types';
import { PageControls } from '../../../components/page-controls';
import { QueryState } from '../../../components/query-state';
import { SUMMARY_CATEGORIES, type SummaryCategory } from '../../../domain/experience-audit';
import { AuditDialog } from './audit-dialog';
import { DEVICE_LABELS, samePageOf, sortPages, type Device } from '../../../domain/experience-audit-results';
import { DevicePicker } from './device-picker';
import { FailedPagesList } from './failed-pages-list';
import { PageDetailsDialog } from './page-details-dialog';
import { PageScoresTable, type SortDescriptor } from './page-scores-table';
import { useAuditResults } from './use-audit-results';

export const REPORT_PAGE_SIZE = 10;

const sortKey = (column: SortDescriptor['column']): SummaryCategory | 'path' =>
  SUMMARY_CATEGORIES.find(({ kpi }) => kpi === column)?.kpi ?? 'path';

export function FullReportDialog({ step, previousRun }: { step: StepState; previousRun: AuditRun | undefined }) {
  const [device, setDevice] = useState<Device>('mobile');
  const [sort, setSort] = useState<SortDescriptor>({ column: 'performance', direction: 'ascending' });
  const [page, setPage] = useState(0);
  const [detailsPath, setDetailsPath] = useState<string | null>(null);
  const current = useAuditResults(step);
  const previous = useAuditResults(previousRun?.step);
  const pages = current.results?.pages ?? [];
  const failed = current.results?.failedPages ?? [];
  const sorted = sortPages(pages, device, sortKey(sort.column), sort.direction ?? 'ascending');
  const shown = sorted.slice(page * REPORT_PAGE_SIZE, (page + 1) * REPORT_PAGE_SIZE);
  const details = pages.find((p) => p.path === detailsPath);
  // The page details dialog is a sibling of the report dialog, not inside it: inside, it would take
  // the report's heading slot (and its id) as its own.
  return (
    <>
      <AuditDialog title="Experience audit report" wide previousRun={previousRun}>
        <DevicePicker device={device} onChange={setDevice} />
        <QueryState
          what="the audited pages"
          isPending={current.isLoading || previous.isLoading}
          error={current.error}
          onRetry={current.refetch}
        >
          <Text UNSAFE_className="audit-note">Select a page for all its scores, PWA included.</Text>
          <PageScoresTable
            label={`Audited pages (${DEVICE_LABELS[device]})`}
            pages={shown}
            device={device}
            previous={previous.results}
            sortDescriptor={sort}
            onSortChange={(descriptor) => {
              setSort(descriptor);
              setPage(0);
            }}
            onAction={setDetailsPath}
          />
          <PageControls
            label="Report pages"
            page={page}
            pageSize={REPORT_PAGE_SIZE}
            count={shown.length}
            total={sorted.length}
            hasNext={(page + 1) * REPORT_PAGE_SIZE < sorted.length}
            onChange={setPage}
            empty="No page was audited"
          />
          <Heading level={3} marginBottom={0}>
            {failed.length === 0
              ? 'Every configured page was audited'
              : `${failed.length} ${failed.length === 1 ? 'page' : 'pages'} could not be audited`}
          </Heading>
          {failed.length ? <FailedPagesList pages={failed} /> : null}
        </QueryState>
      </AuditDialog>
      <DialogContainer onDismiss={() => setDetailsPath(null)}>
        {details ? (
          <PageDetailsDialog page={details} previous={samePageOf(previous.results, details.path)} previousRun={previousRun} />
        ) : null}
      </DialogContainer>
    </>
  );
}
