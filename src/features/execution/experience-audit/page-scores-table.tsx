/**
 * Pages with their four summary scores on one device, each with its change from the same page in
 * the previous run. Sortable (by page or a category) when given a sort descriptor; a row's action
 * (Enter or click) is passed up with the page's path.
 */
import { Cell, Column, Row, TableBody, TableHeader, TableView, type SpectrumTableProps } from '@adobe/react-spectrum';
import { SUMMARY_CATEGORIES } from '../../../domain/experience-audit';
import { samePageOf, type AuditPage, type AuditResults, type Device } from '../../../domain/experience-audit-results';
import { PageScore } from './page-score';

/** A table's sort column and direction (Spectrum's SortDescriptor). */
export type SortDescriptor = NonNullable<SpectrumTableProps<object>['sortDescriptor']>;

interface PageScoresTableProps {
  label: string;
  pages: AuditPage[];
  device: Device;
  /** The previous run's results (changes are N/A without them). */
  previous: AuditResults | undefined;
  sortDescriptor?: SortDescriptor;
  onSortChange?: (descriptor: SortDescriptor) => void;
  onAction?: (path: string) => void;
}

const COLUMNS = [{ key: 'path', label: 'Page' }, ...SUMMARY_CATEGORIES.map(({ kpi, label }) => ({ key: kpi, label }))];

export function PageScoresTable({ label, pages, device, previous, sortDescriptor, onSortChange, onAction }: PageScoresTableProps) {
  const sortable = sortDescriptor !== undefined;
  return (
    <TableView
      aria-label={label}
      overflowMode="wrap"
      density="compact"
      sortDescriptor={sortDescriptor}
      onSortChange={onSortChange}
      onAction={onAction ? (key) => onAction(String(key)) : undefined}
      UNSAFE_className="audit-page-table"
    >
      <TableHeader columns={COLUMNS}>
        {(column) => (
          <Column
            key={column.key}
            isRowHeader={column.key === 'path'}
            allowsSorting={sortable}
            width={column.key === 'path' ? '1.6fr' : '1fr'}
            // narrow enough for a phone: the table never scrolls sideways
            minWidth={column.key === 'path' ? 80 : 48}
          >
            {column.label}
          </Column>
        )}
      </TableHeader>
      <TableBody items={pages.map((page) => ({ ...page, key: page.path }))}>
        {(page) => {
          const before = samePageOf(previous, page.path)?.[device];
          return (
            <Row key={page.key}>
              {(columnKey) => {
                if (columnKey === 'path') return <Cell textValue={page.path}>{page.path}</Cell>;
                const kpi = SUMMARY_CATEGORIES.find((category) => category.kpi === columnKey)?.kpi ?? 'performance';
                const score = page[device][kpi];
                return (
                  <Cell textValue={score === undefined ? 'No score' : String(score)}>
                    <PageScore score={score} previous={before?.[kpi]} />
                  </Cell>
                );
              }}
            </Row>
          );
        }}
      </TableBody>
    </TableView>
  );
}
