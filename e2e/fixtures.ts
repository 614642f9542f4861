/**
 * Shared set-up for the journeys: each test gets a fresh browser context, so a fresh embedded
 * simulator (its state lives in that context's localStorage). Tests drive the simulator only
 * through its documented controls under /_sim, from inside the page (where the simulator runs).
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { OutcomePreset } from '../mocks/sim/model';

export interface E2eOptions {
  hrefLayout: 'standard' | 'alternate';
}

/** The outcomes the simulator's controls accept (its own type, not Cloud Manager's). */
export type Outcome = OutcomePreset;

const REL = 'http://ns.adobe.com/adobecloud/rel/';

export class SimulatorControls {
  constructor(private readonly page: Page) {}

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    return this.page.evaluate(
      async ({ method, path, body }) => {
        const response = await fetch(path, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
        return response.status === 204 ? undefined : response.json();
      },
      { method, path, body },
    );
  }

  speed(speed: number) {
    return this.call('PUT', '/_sim/speed', { speed });
  }

  outcome(outcome: Outcome) {
    return this.call('PUT', '/_sim/outcome', { outcome });
  }

  jump(advanceMs: number) {
    return this.call('POST', '/_sim/clock', { advanceMs });
  }

  layout(layout: 'standard' | 'alternate') {
    return this.call('PUT', '/_sim/layout', { layout });
  }

  pushUpdate(programId: string, pipelineId: string) {
    return this.call('POST', '/_sim/push-update', { programId, pipelineId });
  }

  /** GET an href (from a link) as JSON, inside the page. */
  get<T>(href: string, accept = 'application/json'): Promise<T> {
    return this.page.evaluate(
      async ({ href, accept }) => {
        const response = await fetch(href, { headers: { accept } });
        if (!response.ok) throw new Error(`GET ${href}: ${response.status}`);
        return (accept.includes('json') ? response.json() : response.text()) as Promise<never>;
      },
      { href, accept },
    );
  }

  /** Ids of a pipeline's executions, newest first, following links from /api/programs. */
  async executionIds(programName: string, pipelineName: string): Promise<string[]> {
    type Hal = { _links: Record<string, { href: string }>; _embedded: Record<string, Hal[]> } & Record<string, unknown>;
    const link = (resource: Hal, rel: string) => resource._links[rel === 'self' ? rel : `${REL}${rel}`].href;
    const programs = await this.get<Hal>('/api/programs');
    const program = await this.get<Hal>(
      link(
        programs._embedded.programs.find((p) => p.name === programName)!,
        'self',
      ),
    );
    const pipelines = await this.get<Hal>(link(program, 'pipelines'));
    const pipeline = pipelines._embedded.pipelines.find((p) => p.name === pipelineName)!;
    const list = await this.get<Hal>(link(pipeline, 'executions'));
    return list._embedded.executions.map((e) => String(e.id));
  }

  /** The build step log text of an execution, found by following links from /api/programs. */
  async buildLogText(programName: string, executionId: string): Promise<string> {
    type Hal = { _links: Record<string, { href: string; templated?: boolean }>; _embedded: Record<string, Hal[]> } & Record<
      string,
      unknown
    >;
    const link = (resource: Hal, rel: string) => resource._links[rel.startsWith('self') ? rel : `${REL}${rel}`].href;
    const programs = await this.get<Hal>('/api/programs');
    const program = await this.get<Hal>(
      link(
        programs._embedded.programs.find((p) => p.name === programName)!,
        'self',
      ),
    );
    const pipelines = await this.get<Hal>(link(program, 'pipelines'));
    for (const pipeline of pipelines._embedded.pipelines) {
      const template = link(pipeline, 'execution/id');
      const execution = await this.get<Hal>(template.replace('{executionId}', executionId)).catch(() => undefined);
      if (!execution) continue;
      const build = execution._embedded.stepStates.find((s) => s.action === 'build')!;
      const { redirect } = await this.get<{ redirect: string }>(link(build, 'pipeline/logs'));
      return this.get<string>(redirect, 'text/plain');
    }
    throw new Error(`no execution ${executionId} in ${programName}`);
  }
}

export const test = base.extend<E2eOptions & { sim: SimulatorControls; openConsole: (path?: string) => Promise<void> }>({
  hrefLayout: ['standard', { option: true }],
  sim: async ({ page }, use) => {
    await use(new SimulatorControls(page));
  },
  /** Opens the console with the simulator ready and in this project's href layout. */
  openConsole: async ({ page, sim, hrefLayout }, use) => {
    await use(async (path = '/') => {
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'My Programs' })).toBeVisible();
      await sim.layout(hrefLayout);
      const programs = await sim.get<{ _embedded: { programs: { _links: { self: { href: string } } }[] } }>('/api/programs');
      expect(programs._embedded.programs[0]._links.self.href.startsWith('/api/alt-layout/')).toBe(hrefLayout === 'alternate');
      if (path !== '/' || hrefLayout !== 'standard') {
        await page.goto(path);
        // the shell renders only once the embedded simulator answers
        await expect(page.getByRole('link', { name: 'Cloud Manager — My Programs' })).toBeVisible();
      }
    });
  },
});

export { expect };

/** The step button whose action is confirmed in an AlertDialog: press it, then confirm. */
export async function decide(page: Page, button: string, confirm = button) {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  // Toasts are alert dialogs too: pick the confirmation by its button.
  const dialog = page.getByRole('alertdialog').filter({ has: page.getByRole('button', { name: confirm, exact: true }) });
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

export const statusBadge = (page: Page, word: string) => page.locator('.execution-status-badge').getByText(word, { exact: true });

/** Opens a program from My Programs, then Deploy, then Build; returns the new execution's id. */
export async function deployAndBuild(page: Page, programName: string): Promise<string> {
  await page.getByRole('link', { name: programName }).first().click();
  await page.getByRole('button', { name: 'Deploy', exact: true }).click();
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(page).toHaveURL(/\/execution\/\d+$/);
  return /\/execution\/(\d+)$/.exec(page.url())![1];
}
