/**
 * My Programs: search, sort (Date Created / Program Name / Status, asc/desc), grid or list view,
 * 50 programs a page; all kept in the URL. The list's embedded programs carry what search and sort
 * need; only the programs on the shown page are read through their self links (type, solutions),
 * so 1,000 programs cost one list request plus 50.
 */
import { ActionButton, Flex, Heading, Item, Picker, ProgressCircle, SearchField, ToggleButton, View } from '@adobe/react-spectrum';
import SortOrderDown from '@spectrum-icons/workflow/SortOrderDown';
import SortOrderUp from '@spectrum-icons/workflow/SortOrderUp';
import ViewGrid from '@spectrum-icons/workflow/ViewGrid';
import ViewList from '@spectrum-icons/workflow/ViewList';
import { useQueries } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { findLink, rel } from '../../api/links';
import { resourceQueryOptions, useProgramList } from '../../api/queries';
import type { EmbeddedProgram, Program } from '../../api/types';
import { PageToolbar } from '../../components/page-toolbar';
import { QueryState } from '../../components/query-state';
import { parseApiTime } from '../../lib/format';
import { ProgramCard } from './program-card';
import { PageControls } from '../../components/page-controls';

// The list view (a TableView) is not the default: its code loads when it is chosen (issue #5).
const ProgramTable = lazy(() => import('./program-table').then((m) => ({ default: m.ProgramTable })));
// The statistics card and Quick Links load after the cards, outside the first load.
const ProgramStatisticsCard = lazy(() => import('./programs-home-extras').then((m) => ({ default: m.ProgramStatisticsCard })));
const QuickLinks = lazy(() => import('./programs-home-extras').then((m) => ({ default: m.QuickLinks })));

export const PROGRAMS_PAGE_SIZE = 50;

type SortKey = 'created' | 'name' | 'status';

const SORTS: { key: SortKey; label: string }[] = [
  { key: 'created', label: 'Date Created' },
  { key: 'name', label: 'Program Name' },
  { key: 'status', label: 'Status' },
];

function compare(a: EmbeddedProgram, b: EmbeddedProgram, key: SortKey): number {
  if (key === 'name') return a.name.localeCompare(b.name);
  if (key === 'status') return (a.status ?? '').localeCompare(b.status ?? '') || a.name.localeCompare(b.name);
  return (parseApiTime(a.createdAt)?.getTime() ?? 0) - (parseApiTime(b.createdAt)?.getTime() ?? 0);
}

export default function ProgramsPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const sort: SortKey = (SORTS.find((s) => s.key === params.get('sort'))?.key ?? 'created') as SortKey;
  const descending = params.get('dir') === 'desc';
  const view = params.get('view') === 'list' ? 'list' : 'grid';
  const requestedPage = Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1);

  const update = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
        // A new search or order starts again at the first page.
        if (key !== 'page' && key !== 'view') next.delete('page');
        return next;
      },
      { replace: true },
    );

  const list = useProgramList();
  const embedded = list.data?._embedded?.programs;
  const needle = search.trim().toLowerCase();
  const matching = useMemo(
    () =>
      (embedded ?? [])
        .filter((program) => !needle || program.name.toLowerCase().includes(needle))
        .sort((a, b) => (descending ? -1 : 1) * compare(a, b, sort)),
    [embedded, needle, descending, sort],
  );
  const page = Math.min(requestedPage, Math.max(0, Math.ceil(matching.length / PROGRAMS_PAGE_SIZE) - 1));
  const onPage = matching.slice(page * PROGRAMS_PAGE_SIZE, (page + 1) * PROGRAMS_PAGE_SIZE);
  // The list only holds EmbeddedProgram; type, capabilities and solutions come from each shown program's self link.
  const details = useQueries({
    queries: onPage.map((program) => resourceQueryOptions<Program>(findLink(program, rel.self)?.href)),
  });
  const shown: Program[] = onPage.map((program, index) => ({ ...program, ...details[index]?.data }));
  // The first cards wait for the shown programs' own reads (type, solutions, sandbox tag): drawn
  // before them, they grew by a row and pushed the cards below down (issue #17, CLS). Later pages
  // and searches show their cards at once.
  const [detailsSettled, setDetailsSettled] = useState(false);
  if (!detailsSettled && list.isSuccess && !details.some((detail) => detail.isPending)) setDetailsSettled(true);

  return (
    <>
      <PageToolbar breadcrumbs={[{ label: 'My Programs' }]} />
      <View padding="size-300">
        {/* Its room is kept while the list and the card's code load: the heading and cards below do not move (issue #17). */}
        {list.isError ? null : (
          <div className="program-statistics-slot">
            {embedded ? (
              <Suspense fallback={null}>
                <ProgramStatisticsCard programs={embedded} />
              </Suspense>
            ) : null}
          </div>
        )}
        <Flex alignItems="end" justifyContent="space-between" wrap gap="size-200" marginBottom="size-200">
          <Heading level={1} margin={0}>
            My Programs
          </Heading>
          <Flex alignItems="end" gap="size-100" wrap>
            <SearchField label="Search programs" value={search} onChange={(value) => update('q', value)} width="size-3000" />
            <Picker
              label="Sort by"
              selectedKey={sort}
              onSelectionChange={(key) => update('sort', key === 'created' ? null : String(key))}
              width="size-2400"
            >
              {SORTS.map((s) => (
                <Item key={s.key}>{s.label}</Item>
              ))}
            </Picker>
            <ActionButton
              aria-label={descending ? 'Sort descending (change to ascending)' : 'Sort ascending (change to descending)'}
              onPress={() => update('dir', descending ? null : 'desc')}
            >
              {descending ? <SortOrderDown /> : <SortOrderUp />}
            </ActionButton>
            <div role="group" aria-label="View" className="toggle-group">
              <ToggleButton aria-label="Grid view" isSelected={view === 'grid'} onChange={() => update('view', null)} isQuiet>
                <ViewGrid />
              </ToggleButton>
              <ToggleButton aria-label="List view" isSelected={view === 'list'} onChange={() => update('view', 'list')} isQuiet>
                <ViewList />
              </ToggleButton>
            </div>
          </Flex>
        </Flex>
        <QueryState
          what="programs"
          isPending={list.isPending || !detailsSettled}
          error={list.error}
          onRetry={() => void list.refetch()}
          isEmpty={matching.length === 0}
          empty={needle ? `No program matches "${search}".` : 'You have no programs.'}
        >
          {view === 'grid' ? (
            <ul className="program-grid" aria-label="Programs">
              {shown.map((program) => (
                <li key={program.id}>
                  <ProgramCard program={program} />
                </li>
              ))}
            </ul>
          ) : (
            <Suspense fallback={<ProgressCircle aria-label="Loading the program list…" isIndeterminate />}>
              <ProgramTable programs={shown} />
            </Suspense>
          )}
          {matching.length > PROGRAMS_PAGE_SIZE ? (
            <PageControls
              label="Programs pages"
              page={page}
              pageSize={PROGRAMS_PAGE_SIZE}
              count={shown.length}
              total={matching.length}
              hasNext={(page + 1) * PROGRAMS_PAGE_SIZE < matching.length}
              onChange={(next) => update('page', next === 0 ? null : String(next + 1))}
            />
          ) : null}
        </QueryState>
        <Suspense fallback={null}>
          <QuickLinks />
        </Suspense>
      </View>
    </>
  );
}
