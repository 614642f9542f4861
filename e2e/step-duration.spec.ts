/**
 * Step durations against the average of the last 20 runs (issue #4): the percentage and the
 * Details panel match what the API's executions list says, computed here from the API.
 */
import { expect, test } from './fixtures';

type Step = {
  action: string;
  status: string;
  environmentType?: string;
  startedAt?: string;
  finishedAt?: string;
  details?: { reusedArtifacts?: boolean };
};
type Execution = { id: string; status: string; _embedded: { stepStates: Step[] } };
type Hal = { id: string; name: string; _links: Record<string, { href: string }>; _embedded: Record<string, Hal[]> };
const REL = 'http://ns.adobe.com/adobecloud/rel/';

const ms = (step: Step) =>
  Date.parse(step.finishedAt!.replace(/(\d{2})(\d{2})$/, '$1:$2')) - Date.parse(step.startedAt!.replace(/(\d{2})(\d{2})$/, '$1:$2'));
const build = (execution: Execution) => execution._embedded.stepStates.find((s) => s.action === 'build' && !s.details?.reusedArtifacts);

test('the build step of a finished run shows its difference from the average of the previous 20 runs', async ({
  page,
  sim,
  openConsole,
}) => {
  await openConsole();
  const programs = await sim.get<Hal>('/api/programs');
  const program = await sim.get<Hal>(programs._embedded.programs.find((p) => p.name === 'WKND Sites')!._links.self.href);
  const pipelines = await sim.get<Hal>(program._links[`${REL}pipelines`].href);
  const pipeline = pipelines._embedded.pipelines.find((p) => p.name === 'Production Pipeline')!;
  const list = await sim.get<{ _embedded: { executions: Execution[] } }>(`${pipeline._links[`${REL}executions`].href}?start=0&limit=100`);
  const executions = list._embedded.executions;
  // A finished run with at least one earlier successful (non-reused) build.
  const index = executions.findIndex(
    (e, i) => e.status === 'FINISHED' && build(e) && executions.slice(i + 1, i + 21).some((o) => build(o)?.status === 'FINISHED'),
  );
  expect(index, 'the seed has a finished run with earlier builds').toBeGreaterThanOrEqual(0);
  const current = executions[index];
  const earlier = executions
    .slice(index + 1, index + 21)
    .map(build)
    .filter((s): s is Step => s?.status === 'FINISHED');
  const average = earlier.reduce((sum, s) => sum + ms(s), 0) / earlier.length;
  const percent = Math.round(((ms(build(current)!) - average) / average) * 100);
  const expected = percent === 0 ? '±0%' : percent < 0 ? `\u2212${-percent}%` : `+${percent}%`;

  await page.goto(`/program/${program.id}/pipeline/${pipeline.id}/execution/${current.id}`);
  const step = page.locator('li.step-item[data-action="build"]');
  await expect(step.locator('.duration-bar__percent')).toHaveText(expected);
  await expect(step.getByRole('img', { name: /^Duration .+ (faster than|slower than|as long as) the average$/ })).toBeVisible();

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
