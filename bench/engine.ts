/**
 * The simulator's engine in process, without HTTP or a browser: the work a request can trigger
 * that is heavier than a look-up (scale data, a build log). These were timed unit tests once; a
 * figure against a budget belongs here.
 *
 *   npm run bench -- engine
 */
import { createSimulator } from '../mocks/node';
import { content } from '../mocks/sim/content';
import { ctxFor } from '../mocks/sim/content/test-fixtures';
import type { Bench } from './report';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time(action: () => void, tries: number): number {
  const samples: number[] = [];
  for (let i = 0; i < tries; i += 1) {
    const started = performance.now();
    action();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export const benchEngine: Bench = async () => {
  const populateMs = median(
    await Promise.all(
      [1, 2, 3].map(async () => {
        const api = createSimulator({ seed: 1, wallClock: () => Date.UTC(2026, 10, 28, 9) });
        const started = performance.now();
        const response = await api.handle(
          new Request('http://localhost/_sim/populate', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ programs: 1000, executions: 10_000 }),
          }),
        );
        if (response.status !== 200) throw new Error(`populate answered ${response.status}`);
        return performance.now() - started;
      }),
    ),
  );
  let seed = 100;
  content.logLines(ctxFor('build', { seed: 5 }), 'main');
  const buildLogMs = time(() => content.logLines(ctxFor('build', { seed: (seed += 1) }), 'main'), 9);
  return [
    { figure: 'Populate 1,000 programs and 10,000 executions', value: populateMs, unit: 'ms', budget: { max: 1000 }, note: 'median of 3' },
    { figure: 'Build log generation (one run)', value: buildLogMs, unit: 'ms', budget: { max: 50 }, note: 'median of 9' },
  ];
};
