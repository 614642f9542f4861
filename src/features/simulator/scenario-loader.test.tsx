/**
 * Loading a scenario from the Simulator panel, on the real simulator: a valid file replaces the
 * world (the console then lists its programs); an invalid one is refused with every problem
 * listed and nothing changes; a file that is not JSON says so.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getJson, entryPointHref } from '../../api/client';
import type { ProgramList } from '../../api/types';
import { renderWithProviders } from '../../test/render';
import { setupSimulatorServer } from '../../test/simulator-server';
import { ScenarioLoader } from './scenario-loader';

setupSimulatorServer();

const programNames = async () => ((await getJson<ProgramList>(entryPointHref()))._embedded?.programs ?? []).map((p) => p.name);

function fileInput(): HTMLInputElement {
  const input = document.querySelector('input[type="file"]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
  return input;
}

async function upload(name: string, text: string) {
  const user = userEvent.setup();
  renderWithProviders(<ScenarioLoader />);
  expect(screen.getByRole('button', { name: 'Load a scenario…' })).toBeInTheDocument();
  await user.upload(fileInput(), new File([text], name, { type: 'application/json' }));
}

describe('Load a scenario (Simulator panel)', () => {
  it('a valid scenario replaces the world: its programs are what the API lists', async () => {
    await upload(
      'tiny.json',
      JSON.stringify({ name: 'tiny', programs: [{ name: 'Tiny Shop', pipelines: [{ name: 'Prod', kind: 'production' }] }] }),
    );
    expect(await screen.findByText('Scenario “tiny” loaded: its programs, clock and script of the next runs.')).toBeInTheDocument();
    expect(await programNames()).toEqual(['Tiny Shop']);
  });

  it('an invalid scenario is refused with every problem listed, as text; the world is unchanged', async () => {
    await upload('broken.json', JSON.stringify({ name: 'x', seed: -1, outcome: '<img src=x>', quirks: { delayMs: 'slow' } }));
    const alert = await screen.findByRole('heading', { name: 'The scenario was not loaded' });
    const box = alert.parentElement as HTMLElement;
    expect(box).toHaveTextContent('3 problems; nothing changed:');
    const items = within(box)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      '$.seed: expected an integer from 0 to 2147483648, got -1',
      expect.stringMatching(/^\$\.outcome: expected one of "mix", .*, got "<img src=x>"$/),
      '$.quirks.delayMs: expected an integer from 0 to 60000, got "slow"',
    ]);
    expect(box.querySelector('img')).toBeNull();
    expect(await programNames()).toContain('WKND Sites');
  });

  it('a file that is not JSON says so and sends nothing', async () => {
    await upload('notes.json', 'name: yaml?');
    expect(await screen.findByText('notes.json is not a JSON file.')).toBeInTheDocument();
    expect(await programNames()).toContain('WKND Sites');
  });
});
