/**
 * Step durations against the average of the last 20 runs (issue #4): the percentage and the
 * Details panel match what the API's executions list says, computed here from the API.
 */
import { expect, stepItem, test } from './fixtures';
import { stepOf, type Execution, type StepState } from './pipeline-api';

const ms = (step: StepState) =>
  Date.parse(step.finishedAt!.replace(/(\d{2})(\d{2})$/, '$1:$2')) - Date.parse(step.startedAt!.replace(/(\d{2})(\d{2})$/, '$1:$2'));
const build = (execution: Execution) => {
  const step = stepOf(execution, 'build');
  return step && !step.details?.reusedArtifacts ? step : undefined;
};

test('the build step of a finished run shows its difference from the average of the previous 20 runs', async ({
  page,
  sim,
  openConsole,
}) => {
  await openConsole();
  const pipeline = await sim.pipeline('WKND Sites', 'Production Pipeline');
  const executions = await pipeline.executions(100);
  // A finished run with at least one earlier successful (non-reused) build.
  const index = executions.findIndex(
    (e, i) => e.status === 'FINISHED' && build(e) && executions.slice(i + 1, i + 21).some((o) => build(o)?.status === 'FINISHED'),
  );
  expect(index, 'the seed has a finished run with earlier builds').toBeGreaterThanOrEqual(0);
  const current = executions[index];
  const earlier = executions
    .slice(index + 1, index + 21)
    .map(build)
    .filter((s): s is StepState => s?.status === 'FINISHED');
  const average = earlier.reduce((sum, s) => sum + ms(s), 0) / earlier.length;
  const percent = Math.round(((ms(build(current)!) - average) / average) * 100);
  const expected = percent === 0 ? '±0%' : percent < 0 ? `\u2212${-percent}%` : `+${percent}%`;

  const words =
    percent === 0 ? 'as long as the average' : percent < 0 ? `${-percent}% faster than the average` : `${percent}% slower than the average`;

  await page.goto(pipeline.route(current.id));
  const step = stepItem(page, 'Build & Unit Testing');
  // The bar says the difference in words to screen readers and shows it as a signed percentage.
  const bar = step.getByRole('img', { name: new RegExp(`^Duration .+, ${words}$`) });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveText(expected);

  await step.getByRole('button', { name: 'View details' }).click();
  const table = step.getByRole('table');
  await expect(table.getByRole('row', { name: /Average duration\*/ })).toContainText(`(this run ${expected})`);
  await expect(
    step.getByText(`last ${earlier.length === 1 ? 'successful run' : `${earlier.length} successful runs`} of this step`, { exact: false }),
  ).toBeVisible();
  await step.getByRole('button', { name: 'Close details' }).click();
  await expect(table).toHaveCount(0);
  await expect(step.getByRole('button', { name: 'View details' })).toBeFocused();
});
