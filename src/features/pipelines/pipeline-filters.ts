/**
 * The Pipelines page's filters, kept in the URL's search params (`?type=production&status=running&environment=3`),
 * so a reload or a shared link shows the same pipelines.
 */
import type { Pipeline } from '../../api/types';
import { isPipelineRunning } from '../../components/pipeline-status';
import { pipelineCategory, type PipelineCategory } from '../../domain/pipeline-type';

export type StatusFilter = 'running' | 'idle';

export interface PipelineFilters {
  type?: PipelineCategory;
  status?: StatusFilter;
  /** An environment id: pipelines deploying to it. */
  environment?: string;
}

export type FilterName = keyof PipelineFilters;

const TYPES: PipelineCategory[] = ['production', 'deployment', 'codeQuality'];
const STATUSES: StatusFilter[] = ['running', 'idle'];

/** The filters in `params` (unknown values are ignored). */
export function filtersFrom(params: URLSearchParams): PipelineFilters {
  const type = params.get('type');
  const status = params.get('status');
  return {
    type: TYPES.find((t) => t === type),
    status: STATUSES.find((s) => s === status),
    environment: params.get('environment') || undefined,
  };
}

/** `params` with the filter `name` set to `value` (or removed), other params kept. */
export function withFilter(params: URLSearchParams, name: FilterName, value: string | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}

export function activeFilterCount(filters: PipelineFilters): number {
  return Object.values(filters).filter(Boolean).length;
}

export function matchesFilters(pipeline: Pipeline, filters: PipelineFilters): boolean {
  if (filters.type && pipelineCategory(pipeline) !== filters.type) return false;
  if (filters.status && isPipelineRunning(pipeline.status) !== (filters.status === 'running')) return false;
  if (
    filters.environment &&
    !(pipeline.phases ?? []).some((phase) => phase.type === 'DEPLOY' && phase.environmentId === filters.environment)
  )
    return false;
  return true;
}
