/**
 * The simulated Cloud Manager API as one fetch-style function: Request → Response.
 * The same function serves the browser (MSW worker), Node tests (msw/node) and the standalone
 * HTTP server, so all three behave identically.
 *
 * A request goes to one of three mounts (the API, its log and artifact files, the /_sim
 * controls), then through that mount's route table (route-table.ts): path → resources looked up →
 * method → handler. Errors of every kind become problem+json in problem.ts.
 */
import type { Simulator } from '../sim/simulator';
import { apiSegments, controlSegments, fileSegments, hrefs, type Layout } from './hrefs';
import { HttpError, gatewayError, problem, problemFrom } from './problem';
import { CONTROL_ROUTES, API_ROUTES, FILE_ROUTES } from './route-table';
import { compileRoutes, type RequestContext, type RouteTable } from './router';
import { API_SCOPE, FILE_SCOPE } from './scope';
import { embeddedAccess, type Access } from './identity';
import type { WebhookControls } from './webhooks';
import type { ActingUser } from '../sim/users';

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface ApiOptions {
  /** Require x-api-key, x-gw-ims-org-id and Authorization: Bearer like the real gateway. */
  requireAuth?: boolean;
  /** How the acting user is told (identity.ts); the embedded simulator's `x-sim-user` by default. */
  access?: Access;
  /** The webhook service (the standalone server's); without it the webhook controls answer 501. */
  webhooks?: WebhookControls;
}

/** Thrown by `ctx.user()` when nobody may act: its answer (401) is the response. */
class Refused extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}

interface Mount {
  routes: RouteTable;
  /** Cloud Manager's own (the API and its files, not the /_sim controls): the opt-in quirks apply. */
  cloudManager: boolean;
  /** Behind Adobe's gateway: with `requireAuth`, refused without the Cloud Manager headers. */
  gateway: boolean;
  /** The (decoded) segments of `pathname` under this mount, [] for its root; undefined when it is not a path of this mount. */
  segments(pathname: string, layout: Layout): string[] | undefined;
  notFound(path: string): HttpError;
  notAllowed(method: string, path: string): HttpError;
}

const notAllowedHere = (method: string) => new HttpError(405, 'Method not allowed', `${method} is not allowed here.`);

/** In the order they are tried. A path none of them takes (or cannot decode) is no resource. */
const MOUNTS: readonly Mount[] = [
  {
    routes: compileRoutes(CONTROL_ROUTES),
    cloudManager: false,
    gateway: false,
    segments: controlSegments,
    notFound: (path) => new HttpError(404, 'Not found', `No simulation control at ${path.replace(/\/+$/, '').slice(0, 100)}.`),
    notAllowed: (method, path) => new HttpError(405, 'Method not allowed', `${method} is not allowed on ${path.replace(/\/+$/, '')}.`),
  },
  {
    routes: compileRoutes(FILE_ROUTES, FILE_SCOPE),
    cloudManager: true,
    gateway: false,
    segments: (pathname, layout) => fileSegments(pathname, layout),
    notFound: () => new HttpError(404, 'Not found', 'No such file.'),
    notAllowed: notAllowedHere,
  },
  {
    routes: compileRoutes(API_ROUTES, API_SCOPE),
    cloudManager: true,
    gateway: true,
    segments: (pathname, layout) => apiSegments(pathname, layout),
    notFound: (path) => new HttpError(404, 'Not found', `No resource at ${path.slice(0, 200)}.`),
    notAllowed: notAllowedHere,
  },
];

export function createApi(simulator: Simulator, options: ApiOptions = {}) {
  let requestCounter = 0;
  const access = options.access ?? embeddedAccess();

  async function handle(request: Request): Promise<Response> {
    requestCounter += 1;
    let response: Response;
    try {
      response = await dispatch(request);
    } catch (error) {
      response = error instanceof Refused ? error.response : problemFrom(error);
    }
    response.headers.set('x-request-id', `sim-${requestCounter}`);
    return response;
  }

  async function dispatch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const layout = simulator.state.settings.layout;
    for (const mount of MOUNTS) {
      const segments = mount.segments(path, layout);
      if (segments === undefined) continue;
      if (mount.cloudManager) {
        const outage = await quirksBefore(simulator);
        if (outage) return outage;
      }
      if (mount.gateway && options.requireAuth) {
        const denied = checkAuth(request);
        if (denied) return denied;
      }
      // Who acts: behind the gateway on every request (an unknown user or token is refused there);
      // elsewhere only when a control asks (whoami).
      let user: ActingUser | Response | undefined = mount.gateway ? access.resolve(request) : undefined;
      if (user instanceof Response) return user;
      const body = mount.routes.takesBody ? await readBody(request) : undefined;
      const match = mount.routes.match(segments);
      if (!match) throw mount.notFound(path);
      const context: RequestContext = {
        simulator,
        engine: simulator.engine,
        hrefs: hrefs(layout),
        now: simulator.now(),
        url,
        request,
        body,
        access,
        user: () => {
          user ??= access.resolve(request);
          if (user instanceof Response) throw new Refused(user.clone());
          return user;
        },
        webhooks: options.webhooks,
      };
      const answer = match.run(context, request.method);
      if (!answer) throw mount.notAllowed(request.method, path);
      return answer;
    }
    throw new HttpError(404, 'Not found', `No resource at ${path}.`);
  }

  return { handle, simulator, access };
}

/**
 * The quirks a scenario opted into that come before an answer (docs/scenarios.md): a late answer
 * (`delayMs`), and during a maintenance window a 503 with a maintenance body and Retry-After.
 */
async function quirksBefore(simulator: Simulator): Promise<Response | undefined> {
  const scenario = simulator.state.scenario;
  if (!scenario) return undefined;
  const delay = scenario.quirks.delayMs ?? 0;
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const left = (scenario.maintenanceUntil ?? 0) - simulator.wallNow();
  if (left <= 0) return undefined;
  const answer = problem(
    503,
    'Service Unavailable',
    scenario.quirks.maintenance?.message ?? 'Cloud Manager is undergoing maintenance. Please try again later.',
  );
  answer.headers.set('retry-after', String(Math.ceil(left / 1000)));
  return answer;
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
