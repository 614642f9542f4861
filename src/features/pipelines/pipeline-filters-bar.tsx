/** Filters (funnel): by type, status and environment; the choices live in the URL (see pipeline-filters.ts). */
import { ActionButton, Button, Flex, Item, Picker, Text } from '@adobe/react-spectrum';
import Filter from '@spectrum-icons/workflow/Filter';
import { useState, type Key } from 'react';
import { useSearchParams } from 'react-router';
import type { Environment } from '../../api/types';
import { activeFilterCount, filtersFrom, withFilter, type FilterName } from './pipeline-filters';

const ALL = 'all';

const TYPE_OPTIONS = [
  { key: ALL, label: 'All types' },
  { key: 'production', label: 'Production' },
  { key: 'deployment', label: 'Non-Production Deployment' },
  { key: 'codeQuality', label: 'Code Quality' },
];

const STATUS_OPTIONS = [
  { key: ALL, label: 'Any status' },
  { key: 'running', label: 'Running' },
  { key: 'idle', label: 'Idle' },
];

export function PipelineFiltersBar({ environments }: { environments: Environment[] }) {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const active = activeFilterCount(filters);
  const [open, setOpen] = useState(active > 0);
  const set = (name: FilterName) => (key: Key | null) =>
    setParams((current) => withFilter(current, name, key === null || key === ALL ? undefined : String(key)), { replace: true });
  const environmentOptions = [{ key: ALL, label: 'All environments' }, ...environments.map((e) => ({ key: e.id, label: e.name }))];

  return (
    <Flex direction="column" gap="size-100" marginBottom="size-200">
      <Flex alignItems="center" gap="size-150">
        <ActionButton onPress={() => setOpen(!open)} aria-expanded={open} aria-controls="pipeline-filters">
          <Filter />
          <Text>{active ? `Filters (${active})` : 'Filters'}</Text>
        </ActionButton>
        {active ? (
          <Button variant="secondary" style="outline" onPress={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear filters
          </Button>
        ) : null}
      </Flex>
      {open ? (
        <div id="pipeline-filters" role="group" aria-label="Filters" className="pipeline-filters">
          <Picker label="Type" items={TYPE_OPTIONS} selectedKey={filters.type ?? ALL} onSelectionChange={set('type')}>
            {(option) => <Item key={option.key}>{option.label}</Item>}
          </Picker>
          <Picker label="Status" items={STATUS_OPTIONS} selectedKey={filters.status ?? ALL} onSelectionChange={set('status')}>
            {(option) => <Item key={option.key}>{option.label}</Item>}
          </Picker>
          <Picker
            label="Environment"
            items={environmentOptions}
            selectedKey={filters.environment ?? ALL}
            onSelectionChange={set('environment')}
          >
            {(option) => <Item key={option.key}>{option.label}</Item>}
          </Picker>
        </div>
      ) : null}
    </Flex>
  );
}
