/**
 * The simulated Cloud Manager API as one fetch-style function: Request → Response.
 * The same function serves the browser (MSW worker), Node tests (msw/node) and the standalone
 * HTTP server, so all three behave identically.
 */
import type { Simulator } from '../sim/simulator';
import { SimError, type Execution } from '../sim/model';
import { apiSegments, fileSegments, hrefs } from './hrefs';
import * as hal from './hal';
import { HttpError, gatewayError, problem, problemFrom } from './problem';
import { handleControl } from './controls';
import { artifactFile, logFile, serveText } from './files';

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface ApiOptions {
  /** Require x-api-key, x-gw-ims-org-id and Authorization: Bearer like the real gateway. */
  requireAuth?: boolean;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** JSON text of representations that are reused as they are (hal.ts caches ended executions). */
const serializedCache = new WeakMap<object, string>();

function serialized(representation: object): string {
  let text = serializedCache.get(representation);
  if (text === undefined) {
    text = JSON.stringify(representation);
    serializedCache.set(representation, text);
  }
  return text;
}

function jsonText(text: string): Response {
  return new Response(text, { status: 200, headers: JSON_HEADERS });
}

export function createApi(simulator: Simulator, options: ApiOptions = {}) {
  let requestCounter = 0;

  async function handle(request: Request): Promise<Response> {
    requestCounter += 1;
    let response: Response;
    try {
      response = await route(request);
    } catch (error) {
      response = problemFrom(error);
    }
    response.headers.set('x-request-id', `sim-${requestCounter}`);
    return response;
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/_sim' || url.pathname.startsWith('/_sim/')) {
      return handleControl(simulator, request, url, await readBody(request));
    }
    const layout = simulator.state.settings.layout;
    const files = fileSegments(url.pathname, layout);
    if (files) {
      if (request.method !== 'GET' && request.method !== 'HEAD') throw methodNotAllowed(request);
      const now = simulator.now();
      return serveFile(files, request, now);
    }
    const segments = apiSegments(url.pathname, layout);
    if (!segments) throw new HttpError(404, 'Not found', `No resource at ${url.pathname}.`);
    if (options.requireAuth) {
      const denied = checkAuth(request);
      if (denied) return denied;
    }
    const body = await readBody(request);
    const now = simulator.now();
    const ctx: hal.RenderContext = { sim: simulator.engine, hrefs: hrefs(layout), now };
    return apiRoute(ctx, segments, request, url, body);
  }

  function serveFile(segments: string[], request: Request, now: number): Response {
    // execution/{e}/step/{stateId}/log/{file}.log  |  execution/{e}/step/{stateId}/artifact/{id}
    const [kind, executionId, stepKind, stateId, fileKind, name] = segments;
    if (kind !== 'execution' || stepKind !== 'step' || segments.length !== 6) throw new HttpError(404, 'Not found', 'No such file.');
    const execution = simulator.state.executions.find((e) => e.id === executionId);
    const step = execution?.steps.find((s) => s.id === stateId);
    if (!execution || !step) throw new HttpError(404, 'Not found', 'No such file.');
    if (fileKind === 'log' && name.endsWith('.log')) {
      const text = logFile(simulator.engine, execution, step, name.slice(0, -4), now);
      if (text === undefined) throw new HttpError(404, 'Log not found', 'This step has not written that log yet.');
      return serveText(text, request, 'text/plain; charset=utf-8');
    }
    if (fileKind === 'artifact') {
      const file = artifactFile(simulator.engine, execution, step, name);
      if (!file) throw new HttpError(404, 'Artifact not found', 'No such artifact.');
      return serveText(file.text, request, file.format);
    }
    throw new HttpError(404, 'Not found', 'No such file.');
  }

  function apiRoute(ctx: hal.RenderContext, s: string[], request: Request, url: URL, body: unknown): Response {
    const { sim, hrefs: h } = ctx;
    const method = request.method;
    const get = method === 'GET' || method === 'HEAD';
    if (s.length === 1 && s[0] === 'programs') {
      if (!get) throw methodNotAllowed(request);
      const items = sim.state.programs.map((p) => hal.embeddedProgram(ctx, p));
      return json(hal.simpleList('programs', items, h.programs()));
    }
    if (s[0] !== 'program' || s.length < 2) throw notFound(url);
    const program = sim.program(checkId(s[1], 'program'));
    if (s.length === 2) return get ? json(hal.program(ctx, program)) : methodNotAllowedResponse(request);
    if (s.length === 3) {
      if (!get) throw methodNotAllowed(request);
      if (s[2] === 'pipelines') {
        const pipelines = sim.state.pipelines.filter((p) => p.programId === program.id).map((p) => hal.pipeline(ctx, p));
        const { start, limit } = paging(url, 500);
        return json(
          hal.pagedList('pipelines', pipelines.slice(start, start + limit), pipelines.length, start, limit, h.pipelines(program.id)),
        );
      }
      if (s[2] === 'environments') {
        const type = url.searchParams.get('type');
        const environments = sim.state.environments.filter((e) => e.programId === program.id && (!type || e.type === type));
        return json(
          hal.simpleList(
            'environments',
            environments.map((e) => hal.environment(ctx, e)),
            h.environments(program.id),
          ),
        );
      }
      if (s[2] === 'repositories') {
        const repositories = sim.state.repositories.filter((r) => r.programId === program.id).map((r) => hal.repository(ctx, r));
        const { start, limit } = paging(url, 20);
        return json(
          hal.pagedList(
            'repositories',
            repositories.slice(start, start + limit),
            repositories.length,
            start,
            limit,
            h.repositories(program.id),
          ),
        );
      }
      throw notFound(url);
    }
    if (s.length === 4) {
      if (!get) throw methodNotAllowed(request);
      if (s[2] === 'environment') {
        const environment = sim.state.environments.find((e) => e.programId === program.id && e.id === checkId(s[3], 'environment'));
        if (!environment) throw new SimError(404, 'Environment not found', `Environment ${s[3]} does not exist in program ${program.id}.`);
        return json(hal.environment(ctx, environment));
      }
      if (s[2] === 'repository') {
        const repository = sim.state.repositories.find((r) => r.programId === program.id && r.id === checkId(s[3], 'repository'));
        if (!repository) throw new SimError(404, 'Repository not found', `Repository ${s[3]} does not exist in program ${program.id}.`);
        return json(hal.repository(ctx, repository));
      }
      if (s[2] !== 'pipeline') throw notFound(url);
      return json(hal.pipeline(ctx, sim.pipeline(program.id, checkId(s[3], 'pipeline'))));
    }
    if (s[2] !== 'pipeline') throw notFound(url);
    const pipeline = sim.pipeline(program.id, checkId(s[3], 'pipeline'));
    if (s.length === 5 && s[4] === 'execution') {
      if (get) {
        const current = sim.currentExecution(pipeline.id);
        if (!current) throw new SimError(404, 'No current execution', `Pipeline ${pipeline.id} is not running.`);
        return json(hal.execution(ctx, current));
      }
      if (method !== 'PUT') throw methodNotAllowed(request);
      const mode = url.searchParams.get('pipelineExecutionMode');
      if (mode !== null && mode !== 'NORMAL')
        throw new SimError(400, 'Invalid pipelineExecutionMode', 'Only NORMAL is available for AEM as a Cloud Service programs.');
      const stepId = url.searchParams.get('stepId') ?? undefined;
      if (stepId !== undefined) checkId(stepId, 'step');
      const user = request.headers.get('x-sim-user') ?? undefined;
      const execution = sim.start(program.id, pipeline.id, ctx.now, {
        stepId,
        user: user && /^[\w.@-]{1,64}$/.test(user) ? user : undefined,
      });
      simulator.changed();
      const representation = hal.execution(ctx, execution);
      return json(representation, 201, { location: new URL(representation._links.self.href, url).toString() });
    }
    if (s.length === 5 && s[4] === 'executions') {
      if (!get) throw methodNotAllowed(request);
      const all = sim.executionsOf(pipeline.id);
      const { start, limit } = paging(url, 20);
      const items = all.slice(start, start + limit).map((e) => hal.execution(ctx, e));
      return json(hal.pagedList('executions', items, all.length, start, limit, h.executions(program.id, pipeline.id)));
    }
    if (s[4] !== 'execution') throw notFound(url);
    const execution = sim.execution(program.id, pipeline.id, checkId(s[5], 'execution'));
    if (s.length === 6) return get ? jsonText(serialized(hal.execution(ctx, execution))) : methodNotAllowedResponse(request);
    if (s[6] !== 'phase' || s[8] !== 'step' || s.length < 10) throw notFound(url);
    const step = sim.step(execution, checkId(s[7], 'phase'), checkId(s[9], 'step'));
    if (s.length === 10) return get ? json(hal.stepState(ctx, execution, step)) : methodNotAllowedResponse(request);
    const address = hal.stepAddress(execution, step);
    const action = s[10];
    if (s.length === 11 && (action === 'advance' || action === 'cancel')) {
      if (method !== 'PUT') throw methodNotAllowed(request);
      if (body === undefined)
        throw new SimError(400, 'Invalid request body', 'A JSON body is required (see the API guide for advancing and cancelling steps).');
      if (action === 'advance') sim.advance(execution, step, body, ctx.now);
      else sim.cancel(execution, step, body, ctx.now);
      simulator.changed();
      return new Response(null, { status: 202 });
    }
    if (!get) throw methodNotAllowed(request);
    if (s.length === 11 && action === 'logs') {
      const file = url.searchParams.get('file') ?? 'main';
      const files = hal.logFilesOf(ctx, execution, step);
      if (!files.includes(file))
        throw new SimError(
          404,
          'Log not found',
          `The ${step.action} step has no log "${file.slice(0, 40)}". Available: ${files.join(', ') || 'none'}.`,
        );
      if (step.status === 'NOT_STARTED') throw new SimError(404, 'Log not found', 'The step has not started yet.');
      const target = new URL(h.logFile(execution.id, step.id, file), url).toString();
      if ((request.headers.get('accept') ?? '').includes('application/json')) return json({ redirect: target });
      return new Response(null, { status: 307, headers: { location: target } });
    }
    if (s.length === 11 && action === 'metrics') {
      const metrics = sim.metrics(execution, step);
      if (metrics === undefined) throw new SimError(404, 'No metrics', `The ${step.action} step has no metrics.`);
      return json({ metrics });
    }
    if (s.length === 11 && action === 'artifacts') {
      const artifacts = hal.artifactKinds(step).map((a) => artifactRepresentation(ctx, execution, step, a));
      return json(hal.simpleList('artifacts', artifacts, h.stepAction(address, 'artifacts')));
    }
    if (s.length === 12 && action === 'artifact') {
      const artifact = hal.artifactKinds(step).find((a) => a.id === s[11]);
      if (!artifact) throw new SimError(404, 'Artifact not found', `Artifact ${s[11].slice(0, 40)} does not exist.`);
      return json({ redirect: new URL(h.artifactFile(execution.id, step.id, artifact.id), url).toString() });
    }
    throw notFound(url);
  }

  function artifactRepresentation(
    ctx: hal.RenderContext,
    execution: Execution,
    step: Execution['steps'][number],
    a: ReturnType<typeof hal.artifactKinds>[number],
  ) {
    return {
      id: a.id,
      stepName: step.action,
      type: a.type,
      file: a.file,
      format: a.format,
      _links: { self: { href: ctx.hrefs.artifact(hal.stepAddress(execution, step), a.id), templated: false } },
    };
  }

  return { handle, simulator };
}

export type Api = ReturnType<typeof createApi>;

function checkId(value: string | undefined, what: string): string {
  if (value === undefined || !/^[0-9A-Za-z_-]{1,40}$/.test(value)) {
    throw new SimError(404, `${what[0].toUpperCase()}${what.slice(1)} not found`, `"${String(value).slice(0, 40)}" is not a ${what} id.`);
  }
  return value;
}

function paging(url: URL, defaultLimit: number): { start: number; limit: number } {
  const parse = (name: string, fallback: number, max: number) => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '') return fallback;
    if (!/^\d{1,9}$/.test(raw)) throw new SimError(400, 'Invalid paging parameter', `${name} must be a non-negative integer.`);
    return Math.min(Number(raw), max);
  };
  const start = parse('start', 0, 1e9);
  const limit = parse('limit', defaultLimit, 1000);
  if (limit === 0) throw new SimError(400, 'Invalid paging parameter', 'limit must be at least 1.');
  return { start, limit };
}

function notFound(url: URL): HttpError {
  return new HttpError(404, 'Not found', `No resource at ${url.pathname.slice(0, 200)}.`);
}

function methodNotAllowed(request: Request): HttpError {
  return new HttpError(405, 'Method not allowed', `${request.method} is not allowed here.`);
}

function methodNotAllowedResponse(request: Request): Response {
  return problem(405, 'Method not allowed', `${request.method} is not allowed here.`);
}

/** Reads a JSON body (undefined when there is none). Malformed or oversized bodies are refused. */
async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES)
    throw new HttpError(413, 'Request body too large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Malformed JSON', 'The request body is not valid JSON.');
  }
}

function checkAuth(request: Request): Response | undefined {
  const apiKey = request.headers.get('x-api-key');
  const org = request.headers.get('x-gw-ims-org-id');
  const authorization = request.headers.get('authorization') ?? '';
  if (!apiKey) return gatewayError(403, '403003', 'Api Key is invalid');
  if (!/^Bearer \S+$/.test(authorization)) return gatewayError(401, '401013', 'Oauth token is not valid');
  if (!org) return gatewayError(403, '403025', 'Profile is not valid');
  return undefined;
}
