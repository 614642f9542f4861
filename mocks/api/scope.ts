/**
 * How path parameters become resources. Ids are checked first (a malformed id is a 404 of its
 * kind, never a look-up), then looked up in path order: a program, then its pipeline, then that
 * pipeline's execution, then the step in it.
 */
import { HttpError } from './problem';
import type { Resolvers } from './router';

/** The id as it is, or a 404 `<What> not found` when it cannot be an id. */
export function checkId(value: string, what: string): string {
  if (!/^[0-9A-Za-z_-]{1,40}$/.test(value)) {
    throw new HttpError(404, `${what[0].toUpperCase()}${what.slice(1)} not found`, `"${value.slice(0, 40)}" is not a ${what} id.`);
  }
  return value;
}

/** The Cloud Manager API's paths: everything under a program. */
export const API_SCOPE: Resolvers = {
  programId: (ctx, id) => {
    ctx.program = ctx.engine.program(checkId(id, 'program'));
  },
  environmentId: (ctx, id) => {
    ctx.environment = ctx.engine.environmentOf(ctx.program!.id, checkId(id, 'environment'));
  },
  repositoryId: (ctx, id) => {
    ctx.repository = ctx.engine.repositoryOf(ctx.program!.id, checkId(id, 'repository'));
  },
  pipelineId: (ctx, id) => {
    ctx.pipeline = ctx.engine.pipeline(ctx.program!.id, checkId(id, 'pipeline'));
  },
  executionId: (ctx, id) => {
    ctx.execution = ctx.engine.execution(ctx.program!.id, ctx.pipeline!.id, checkId(id, 'execution'));
  },
  phaseId: (_ctx, id) => {
    checkId(id, 'phase');
  },
  stepId: (ctx, id) => {
    ctx.step = ctx.engine.step(ctx.execution!, ctx.params.phaseId, checkId(id, 'step'));
  },
};

const noSuchFile = () => new HttpError(404, 'Not found', 'No such file.');

/** Log and artifact files: addressed by execution id and step state id alone, environment logs by environment id. */
export const FILE_SCOPE: Resolvers = {
  environmentId: (ctx, id) => {
    ctx.environment = ctx.engine.environment(id) ?? fail(noSuchFile());
  },
  executionId: (ctx, id) => {
    ctx.execution = ctx.engine.executionById(id) ?? fail(noSuchFile());
  },
  stepStateId: (ctx, id) => {
    ctx.step = ctx.execution!.steps.find((s) => s.id === id) ?? fail(noSuchFile());
  },
};

function fail(error: Error): never {
  throw error;
}
