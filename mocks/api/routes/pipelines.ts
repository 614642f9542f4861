/**
 * A program's pipelines (paged, 500 by default) and one pipeline: read it, edit it (PATCH with
 * `PipelineUpdate`), delete it, invalidate its build cache; and add one (POST to the list's href,
 * advertised by the list's `createPipeline` link: a simulator extension).
 */
import { addPipeline, checkIdle, deletePipeline, editPipeline, invalidateBuildCache } from '../../sim/pipeline-config';
import * as hal from '../hal';
import { page } from '../paging';
import { pipelineInputFrom } from '../pipeline-bodies';
import { json, noContent } from '../responses';
import type { RouteContext } from '../router';

type PipelineContext = RouteContext<'program' | 'pipeline'>;

export function list(ctx: RouteContext<'program'>): Response {
  const { program } = ctx;
  const pipelines = ctx.engine.state.pipelines.filter((p) => p.programId === program.id);
  const listed = page(ctx.url, 'pipelines', pipelines, 500, ctx.hrefs.pipelines(program.id), (p) => hal.pipeline(ctx, p));
  return json(hal.pipelineList(ctx, program.id, listed));
}

export function get(ctx: RouteContext<'pipeline'>): Response {
  return json(hal.pipeline(ctx, ctx.pipeline));
}

/** POST (simulator extension): 201 with the new pipeline and its location. */
export function create(ctx: RouteContext<'program'>): Response {
  const pipeline = addPipeline(ctx.engine, ctx.program.id, pipelineInputFrom(ctx.body, 'add'), ctx.now);
  ctx.simulator.changed();
  const representation = hal.pipeline(ctx, pipeline);
  return json(representation, 201, { location: new URL(representation._links.self.href, ctx.url).toString() });
}

/** PATCH: 412 while the pipeline has a current execution, whatever the body; otherwise 200 with the pipeline as changed. */
export function update(ctx: PipelineContext): Response {
  const { engine, pipeline } = ctx;
  checkIdle(engine, pipeline, ctx.now);
  editPipeline(engine, pipeline, pipelineInputFrom(ctx.body, 'edit'), ctx.now);
  ctx.simulator.changed();
  return json(hal.pipeline(ctx, pipeline));
}

export function remove(ctx: PipelineContext): Response {
  deletePipeline(ctx.engine, ctx.pipeline, ctx.now);
  ctx.simulator.changed();
  return noContent();
}

/** DELETE the `cache` link: the next build starts without a build cache. */
export function invalidateCache(ctx: PipelineContext): Response {
  invalidateBuildCache(ctx.pipeline);
  ctx.simulator.changed();
  return noContent();
}
