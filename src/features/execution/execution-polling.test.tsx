import { screen, waitFor } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import { paths } from '../../lib/paths';
import type { StepState } from '../../api/types';
import {
  execution,
  executionHandlers,
  executionUrl,
  finishedStageSteps,
  step,
  type RecordedPut,
} from '../../test/fixtures/execution-fixtures';
import { setupEmptyServer } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import { countRenders } from '../../test/render-counter';
import ExecutionPage from './execution-page';
import { StepStatusLine } from './timeline/step-status-line';

// How often each step's status line renders (it renders exactly when its step item does).
const { renders, stop } = countRenders(StepStatusLine, ({ step }: { step: StepState }) => step.id);
afterAll(stop);

const server = setupEmptyServer();

describe('Polling', () => {
  it('a poll re-renders only the step states that changed', async () => {
    const stage = finishedStageSteps();
    let current = execution([...stage, step('deploy', 'RUNNING', { environmentType: 'prod', id: 'prod-deploy' })]);
    server.use(...executionHandlers(() => current, [] as RecordedPut[]));
    const { queryClient } = renderWithProviders(<ExecutionPage />, { url: executionUrl(), path: paths.execution.path });
    await screen.findByText('Completed');
    await waitFor(() => expect(renders.get(stage[0].id)).toBeGreaterThan(0));
    const before = new Map(renders);

    // The same JSON again, except the production deploy step finished.
    current = JSON.parse(JSON.stringify(current));
    const prod = current._embedded!.stepStates!.find((s) => s.id === 'prod-deploy')!;
    Object.assign(prod, { status: 'FINISHED', finishedAt: '2026-11-28T10:30:00.000+0000', updatedAt: '2026-11-28T10:30:00.000+0000' });
    await queryClient.invalidateQueries();
    await waitFor(() => expect(screen.getAllByText('Completed')).toHaveLength(2));

    expect(renders.get('prod-deploy')).toBeGreaterThan(before.get('prod-deploy') ?? 0);
    for (const unchanged of stage) expect(renders.get(unchanged.id)).toBe(before.get(unchanged.id));
  });

  it('a poll that changes nothing re-renders no step', async () => {
    const stage = finishedStageSteps();
    let fetches = 0;
    const current = execution([...stage, step('deploy', 'RUNNING', { environmentType: 'prod', id: 'prod-deploy' })]);
    // Every poll answers a fresh copy of the same JSON (a new object, equal content).
    server.use(...executionHandlers(() => (fetches++, JSON.parse(JSON.stringify(current))), [] as RecordedPut[]));
    const { queryClient } = renderWithProviders(<ExecutionPage />, { url: executionUrl(), path: paths.execution.path });
    await screen.findByText('Completed');
    await waitFor(() => expect(renders.get('prod-deploy')).toBeGreaterThan(0));
    const before = new Map(renders);
    const fetchesBefore = fetches;

    await queryClient.invalidateQueries();
    await waitFor(() => expect(fetches).toBeGreaterThan(fetchesBefore));
    await queryClient.invalidateQueries();
    await waitFor(() => expect(fetches).toBeGreaterThan(fetchesBefore + 1));

    for (const id of [...stage.map((s) => s.id), 'prod-deploy']) expect(renders.get(id)).toBe(before.get(id));
  });
});
