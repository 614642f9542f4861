import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StepState } from '../../../api/types';
import { setupFixtureServer, world } from '../../../test/fixture-server';
import { execution, pipeline, step, PIPELINE_ID } from '../../../test/fixtures/execution-fixtures';
import { renderWithProviders } from '../../../test/render';
import { ExecutionContext } from '../execution-context';
import { compareDuration, formatPercent, StepDurationComparison } from './step-duration-comparison';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 10, minutes)).toISOString();

/** A step that ran `minutes` long. */
function ran(action: string, minutes: number, extra: Partial<StepState> = {}): StepState {
  return step(action, 'FINISHED', { startedAt: at(0), finishedAt: at(minutes), ...extra });
}

function earlier(id: string, steps: StepState[]) {
  return execution(steps, { id, status: 'FINISHED' });
}

describe('compareDuration', () => {
  it('averages the same step of earlier successful runs and gives the difference in per cent', () => {
    const result = compareDuration(ran('build', 6), [
      earlier('3', [ran('build', 10)]),
      earlier('2', [ran('build', 6)]),
      earlier('1', [ran('build', 8)]),
    ]);
    expect(result).toMatchObject({ durationMs: 6 * 60_000, averageMs: 8 * 60_000, runs: 3, percent: -25 });
  });

  it('leaves out failed runs, other environments and reused builds', () => {
    const result = compareDuration(ran('deploy', 12, { environmentType: 'prod' }), [
      earlier('4', [ran('deploy', 100, { environmentType: 'stage' }), ran('deploy', 10, { environmentType: 'prod' })]),
      earlier('3', [step('deploy', 'FAILED', { environmentType: 'prod', startedAt: at(0), finishedAt: at(1) })]),
      earlier('2', [ran('build', 1, { details: { reusedArtifacts: true } })]),
    ]);
    expect(result).toMatchObject({ runs: 1, averageMs: 10 * 60_000, percent: 20 });
  });

  it('takes at most the last 20 runs', () => {
    const history = [
      ...Array.from({ length: 20 }, (_, i) => earlier(String(100 - i), [ran('validate', 2)])),
      earlier('1', [ran('validate', 60)]),
    ];
    expect(compareDuration(ran('validate', 2), history)).toMatchObject({ runs: 20, percent: 0 });
  });

  it('has no average when no earlier run has the step, and nothing for a step that has not ended', () => {
    expect(compareDuration(ran('uiTest', 3), [earlier('1', [ran('build', 4)])])).toEqual({ durationMs: 3 * 60_000, runs: 0 });
    expect(compareDuration(step('build', 'RUNNING'), [])).toBeUndefined();
  });

  it('writes the sign, never only a colour', () => {
    expect([formatPercent(-13), formatPercent(3), formatPercent(0)]).toEqual(['\u221213%', '+3%', '±0%']);
  });
});

describe('StepDurationComparison', () => {
  setupFixtureServer();

  it('reads the pipeline history, shows the difference and a Details panel that closes back to its button', async () => {
    const current = ran('build', 9);
    world.executionsByPipeline[PIPELINE_ID] = [
      execution([current], { id: '300' }),
      earlier('299', [ran('build', 12)]),
      earlier('298', [ran('build', 6)]),
    ];
    renderWithProviders(
      <ExecutionContext.Provider value={{ pipeline, executionId: '300' }}>
        <StepDurationComparison step={current} />
      </ExecutionContext.Provider>,
    );
    expect(await screen.findByRole('img', { name: 'Duration 9 minutes, as long as the average' })).toBeInTheDocument();
    expect(screen.getByText('±0%')).toBeInTheDocument();

    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'View details' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    const table = screen.getByRole('table');
    const value = (metric: string) => within(table).getByRole('rowheader', { name: metric }).nextElementSibling?.textContent;
    expect(value('Duration')).toBe('9 minutes');
    expect(value('Average duration*')).toBe('9 minutes (this run ±0%)');
    expect(value('Started on')).toMatch(/^Nov 1, 2026/);
    expect(screen.getByText(/last 2 successful runs of this step/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'View details' })).toHaveFocus();
  });

  it('says a slower run is slower, with a plus sign', async () => {
    const current = ran('codeQuality', 15);
    world.executionsByPipeline[PIPELINE_ID] = [execution([current], { id: '300' }), earlier('299', [ran('codeQuality', 10)])];
    renderWithProviders(
      <ExecutionContext.Provider value={{ pipeline, executionId: '300' }}>
        <StepDurationComparison step={current} />
      </ExecutionContext.Provider>,
    );
    expect(await screen.findByRole('img', { name: 'Duration 15 minutes, 50% slower than the average' })).toBeInTheDocument();
    expect(screen.getByText('+50%')).toBeInTheDocument();
  });
});
