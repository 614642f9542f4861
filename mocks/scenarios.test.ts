// @vitest-environment node
/**
 * Every scenario shipped in scenarios/ runs to the outcome it declares (each run's `expect`), and
 * twice from the start gives the same runs, to the millisecond: a scenario makes the simulator
 * deterministic from start to end. Played through the API as a client would (test-support).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSimulator } from './node';
import { parseScenario } from './sim/scenario';
import { playScript, type PlayedRun } from '../test-support/scenario-runner';

const FOLDER = fileURLToPath(new URL('../scenarios', import.meta.url));
const FILES = readdirSync(FOLDER).filter((name) => name.endsWith('.json') && name !== 'scenario.schema.json');
const ORIGIN = 'http://sim.test';

/** Loads `text` through the control into a fresh simulator on a fake wall clock, and plays its script. */
async function play(text: string) {
  let wall = Date.UTC(2026, 0, 5, 12);
  const api = createSimulator({ seed: 99, wallClock: () => wall });
  const loaded = await api.handle(
    new Request(`${ORIGIN}/_sim/scenario`, { method: 'PUT', body: text, headers: { 'content-type': 'application/json' } }),
  );
  expect(loaded.status, await loaded.clone().text()).toBe(200);
  const { scenario } = parseScenario(text);
  const played = await playScript(api.handle, ORIGIN, scenario!.script, {
    wait: async (ms) => {
      wall += ms;
    },
  });
  return { played, scenario: scenario!, journal: api.simulator.state.journal.entries.length };
}

describe('the scenarios shipped in scenarios/', () => {
  it('are the four examples the docs name', () => {
    expect(FILES.sort()).toEqual(['approval-times-out.json', 'flaky-maintenance.json', 'green-release.json', 'quality-gate-override.json']);
  });

  for (const file of FILES) {
    it(`${file} runs to the outcome it declares, twice with the same result`, async () => {
      const text = readFileSync(`${FOLDER}/${file}`, 'utf8');
      const first = await play(text);
      for (const entry of first.scenario.script) {
        const runs: PlayedRun[] = first.played[`${entry.program}/${entry.pipeline}`];
        expect(runs).toHaveLength(entry.runs.length);
        entry.runs.forEach((run, i) => {
          expect({ status: runs[i].status, step: runs[i].step }, `${entry.pipeline} run ${i + 1}`).toEqual({
            status: run.expect?.status,
            step: run.expect?.step,
          });
        });
      }
      const second = await play(text);
      expect(second.played).toEqual(first.played);
      expect(second.journal).toBe(first.journal);
    }, 60_000);
  }
});
