/**
 * What the journeys and benches read of the Cloud Manager API to know what the console should
 * show: a pipeline found by following links from /api/programs, its executions, their step states,
 * metrics and artifacts. Every href comes from a link (test-support/hal.ts); any `GetJson` works:
 * the embedded simulator read inside the page (`SimulatorControls.get`) or the standalone server
 * read from Node.
 */
import { embedded, embeddedPages, follow, href, pipelineOf, programByName, type GetJson, type Hal } from '../test-support/hal';

export type StepState = Hal & {
  action: string;
  status: string;
  environmentType?: string;
  startedAt?: string;
  finishedAt?: string;
  details?: Record<string, unknown>;
};
export type Execution = Hal & { id: string; status: string };
export type Metric = { kpi: string; severity: string; passed: boolean; override: boolean; actualValue: string };

/** The step state of `action` in an execution (its embedded step states). */
export function stepOf(execution: Hal, action: string): StepState | undefined {
  return embedded<StepState>(execution, 'stepStates').find((step) => step.action === action);
}

export class PipelineApi {
  private constructor(
    readonly get: GetJson,
    readonly program: Hal,
    readonly pipeline: Hal,
  ) {}

  /** The pipeline called `pipelineName` of the program called `programName` (without a name: its production pipeline). */
  static async find(get: GetJson, programName: string, pipelineName?: string): Promise<PipelineApi> {
    const program = await programByName(get, programName);
    return new PipelineApi(get, program, await pipelineOf(get, program, pipelineName));
  }

  /** The console's page of an execution of this pipeline (the console's own route, by ids). */
  route(executionId: string): string {
    return `/program/${String(this.program.id)}/pipeline/${String(this.pipeline.id)}/execution/${executionId}`;
  }

  /** The newest executions, newest first: the list's first page, or `limit` of them through its `page` link. */
  async executions(limit?: number): Promise<Execution[]> {
    const first = await follow(this.get, this.pipeline, 'executions');
    const list = limit === undefined ? first : await follow(this.get, first, 'page', { start: 0, limit });
    return embedded<Execution>(list, 'executions');
  }

  /** Every execution, newest first, page by page through the list's `next` links. */
  allExecutions(): Promise<Execution[]> {
    return embeddedPages<Execution>(this.get, href(this.pipeline, 'executions'), 'executions');
  }

  execution(id: string): Promise<Execution> {
    return follow<Execution>(this.get, this.pipeline, 'execution/id', { executionId: id });
  }

  async step(executionId: string, action: string): Promise<StepState> {
    const step = stepOf(await this.execution(executionId), action);
    if (!step) throw new Error(`execution ${executionId} has no ${action} step`);
    return step;
  }

  /** The metrics of a step (its `pipeline/metrics` link). */
  async metrics(step: StepState): Promise<Metric[]> {
    return (await follow<{ metrics: Metric[] }>(this.get, step, 'pipeline/metrics')).metrics;
  }

  /** A step's artifact of `type`: the artifacts list → the artifact's self → its redirect → the file. */
  async artifact<T>(step: StepState, type: string): Promise<T> {
    const list = await follow(this.get, step, 'pipeline/artifacts');
    const artifact = embedded(list, 'artifacts').find((a) => a.type === type);
    if (!artifact) throw new Error(`no ${type} artifact on the ${step.action} step`);
    const { redirect } = await follow<{ redirect: string }>(this.get, artifact, 'self');
    return this.get<T>(redirect);
  }
}
