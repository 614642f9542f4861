/**
 * The pages scanned in the runs shown, each with its latest scores (mobile) and when it was
 * scanned; paged (Previous / Next, 5 to 50 a page). A row's action (Enter or click) shows
 * that page's trend. Per-page scores are the simulator's results artifact, labelled as such.
 */
import { Cell, Column, Flex, Item, Picker, Row, TableBody, TableHeader, TableView } from '@adobe/react-spectrum';
import { useState } from 'react';
import { ScoreBadge } from '../../components/experience-audit/score-badge';
import { SimulatorExtensionNote } from '../../components/experience-audit/simulator-extension-note';
import { PageControls } from '../../components/page-controls';
import { SUMMARY_CATEGORIES } from '../../domain/experience-audit';
import { formatDateTime } from '../../lib/format';
import type { ScannedPage } from './audit-report';

const PAGE_SIZES = [5, 10, 25, 50];
const COLUMNS = [
  { key: 'path', label: 'Page' },
  ...SUMMARY_CATEGORIES.map(({ kpi, label }) => ({ key: kpi, label })),
  { key: 'at', label: 'Last scanned' },
];

export function ScannedPagesTable({ pages, onShowPage }: { pages: ScannedPage[]; onShowPage: (path: string) => void }) {
  const [size, setSize] = useState(10);
  const [page, setPage] = useState(0);
  const last = Math.max(0, Math.ceil(pages.length / size) - 1);
  const current = Math.min(page, last);
  const shown = pages.slice(current * size, (current + 1) * size);
  return (
    <Flex direction="column" gap="size-100">
      <SimulatorExtensionNote />
      <TableView
        aria-label="Scanned pages"
        overflowMode="wrap"
        density="compact"
        onAction={(key) => onShowPage(String(key))}
        UNSAFE_className="audit-page-table"
      >
        <TableHeader columns={COLUMNS}>
          {(column) => (
            <Column
              key={column.key}
              isRowHeader={column.key === 'path'}
              width={column.key === 'path' ? '2fr' : '1fr'}
              // narrow enough for a phone: the table never scrolls sideways
              minWidth={column.key === 'path' ? 80 : 48}
            >
              {column.label}
            </Column>
          )}
        </TableHeader>
        <TableBody items={shown.map((scanned) => ({ ...scanned, key: scanned.path }))}>
          {(scanned) => (
            <Row key={scanned.key}>
              {(column) => {
                if (column === 'path') return <Cell textValue={scanned.path}>{scanned.path}</Cell>;
                if (column === 'at') return <Cell>{formatDateTime(scanned.at)}</Cell>;
                const kpi = SUMMARY_CATEGORIES.find((category) => category.kpi === column)?.kpi ?? 'performance';
                const score = scanned.scores[kpi];
                return (
                  <Cell textValue={score === undefined ? 'No score' : String(score)}>
                    <ScoreBadge score={score} compact />
                  </Cell>
                );
              }}
            </Row>
          )}
        </TableBody>
      </TableView>
      <Flex alignItems="end" gap="size-300" wrap>
        <PageControls
          label="Scanned pages, pages"
          page={current}
          pageSize={size}
          count={shown.length}
          total={pages.length}
          hasNext={current < last}
          onChange={setPage}
        />
        <Picker
          label="Pages shown"
          selectedKey={String(size)}
          onSelectionChange={(key) => {
            setSize(Number(key));
            setPage(0);
          }}
          width="size-1250"
        >
          {PAGE_SIZES.map((n) => (
            <Item key={String(n)}>{String(n)}</Item>
          ))}
        </Picker>
      </Flex>
    </Flex>
  );
}
