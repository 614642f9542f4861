/**
 * One page's details: all five scores (PWA included — it is never in the summary) on Mobile and
 * Desktop, each with its change from the same page in the previous run.
 */
import { Text } from '@adobe/react-spectrum';
import type { AuditRun } from '../../../api/audit-history';
import { ALL_CATEGORIES } from '../../../domain/experience-audit';
import { AuditDialog } from './audit-dialog';
import { DEVICE_LABELS, type AuditPage } from '../../../domain/experience-audit-results';
import { PageScore } from './page-score';

const DEVICES = ['mobile', 'desktop'] as const;

interface PageDetailsDialogProps {
  page: AuditPage;
  /** The same page in the previous run. */
  previous: AuditPage | undefined;
  previousRun: AuditRun | undefined;
}

export function PageDetailsDialog({ page, previous, previousRun }: PageDetailsDialogProps) {
  return (
    <AuditDialog title={`Page details: ${page.path}`} previousRun={previousRun}>
      {page.url ? <Text UNSAFE_className="audit-page-url">{page.url}</Text> : null}
      {/* focusable: where the dialog's content scrolls (a phone), the keyboard scrolls it from here */}
      <table className="audit-details-table" tabIndex={0}>
        <caption>Scores of {page.path}, with the change from the previous run</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            {DEVICES.map((device) => (
              <th key={device} scope="col">
                {DEVICE_LABELS[device]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ALL_CATEGORIES.map(({ kpi, label }) => (
            <tr key={kpi}>
              <th scope="row">{label}</th>
              {DEVICES.map((device) => (
                <td key={device}>
                  <PageScore score={page[device][kpi]} previous={previous?.[device][kpi]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </AuditDialog>
  );
}
