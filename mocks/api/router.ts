/**
 * The route table's machinery: a route is methods + a path template + a handler; a table of them
 * is compiled once into matchers over a path's (decoded) segments. Path parameters that name a
 * resource (`{programId}`, `{executionId}`, …) are checked and looked up, in path order, before the
 * handler runs, so a handler gets `ctx.program`, `ctx.execution`, … ready to use. A route may
 * name the permission it takes (or a function of the resources that says which): the acting user
 * must have it, checked after the look-ups and before the handler, so a refusal changes nothing.
 */
import type { Simulation } from '../sim/engine';
import { requirePermission, type ActingUser, type Permission } from '../sim/users';
import type { Access } from './identity';
import type { WebhookControls } from './webhooks';
import type { Environment, Execution, Pipeline, Program, Repository, StepState } from '../sim/model';
import type { Simulator } from '../sim/simulator';
import type { Hrefs } from './hrefs';

export type Method = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** Everything a handler gets for one request. */
export interface RequestContext {
  simulator: Simulator;
  engine: Simulation;
  /** Hrefs of the current layout. */
  hrefs: Hrefs;
  /** Simulated time of this request; the engine has been advanced to it. */
  now: number;
  url: URL;
  request: Request;
  /** The parsed JSON body (undefined when there is none). */
  body: unknown;
  /** How users are told apart on this entry point. */
  access: Access;
  /** Who acts on this request (throws the 401 answer when nobody may). */
  user(): ActingUser;
  /** Webhook registrations and deliveries: the standalone server's only (absent: 501). */
  webhooks?: WebhookControls;
}

/** The resources path parameters resolve to. */
export interface Scope {
  program: Program;
  environment: Environment;
  repository: Repository;
  pipeline: Pipeline;
  execution: Execution;
  step: StepState;
}

/** Path parameters that name a resource; the mount of a route looks each one up (any other parameter reaches the handler as text). */
export const SCOPE_PARAMS = {
  programId: 'program',
  environmentId: 'environment',
  repositoryId: 'repository',
  pipelineId: 'pipeline',
  executionId: 'execution',
  stepId: 'step',
  stepStateId: 'step',
} as const satisfies Record<string, keyof Scope>;

type ScopeParam = keyof typeof SCOPE_PARAMS;

/** A handler's context: the request, the resources `S` of its path, and its path parameters `P` as text. */
export type RouteContext<S extends keyof Scope = never, P extends string = never> = RequestContext &
  Pick<Scope, S> & { params: Readonly<Record<P, string>> };

type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

/** The context the path template `Path` gives its handler. */
export type ContextOf<Path extends string> = RouteContext<(typeof SCOPE_PARAMS)[ParamNames<Path> & ScopeParam], ParamNames<Path>>;

type AnyContext = RouteContext<keyof Scope, string>;
type Handler<C> = (ctx: C) => Response | Promise<Response>;
/** The permission a route takes: one, or which one for the resources of the path (none: anyone may). */
type Guard<C> = Permission | ((ctx: C) => Permission | undefined);

export interface Route {
  methods: readonly Method[];
  /** Relative to the mount, e.g. `/program/{programId}/pipeline/{pipelineId}`. */
  path: string;
  handle: Handler<AnyContext>;
  permission?: Guard<AnyContext>;
}

/**
 * One line of a route table. The handler's context is typed from the template, so a handler that
 * needs `ctx.step` only fits a path with a step. `permission`: what the acting user must be allowed.
 */
export function route<Path extends string>(
  methods: Method | readonly Method[],
  path: Path,
  handle: Handler<ContextOf<Path>>,
  permission?: Guard<ContextOf<Path>>,
): Route {
  return {
    methods: typeof methods === 'string' ? [methods] : methods,
    path,
    handle: handle as Handler<AnyContext>,
    permission: permission as Guard<AnyContext> | undefined,
  };
}

/** The context while a path's parameters are being looked up. */
type Resolving = RequestContext & Partial<Scope> & { params: Readonly<Record<string, string>> };

/** How a mount checks and looks up a path parameter, writing the resource into the context. */
export type Resolver = (ctx: Resolving, value: string) => void;
export type Resolvers = Partial<Record<string, Resolver>>;

export interface RouteMatch {
  params: Readonly<Record<string, string>>;
  /**
   * Looks up the path's resources (in path order; a missing one throws its 404), then answers
   * with the handler for `method` (GET also answers HEAD). Undefined when the path has no
   * handler for `method`: 405.
   */
  run(request: RequestContext, method: string): Response | Promise<Response> | undefined;
}

export interface RouteTable {
  /** Whether any route takes a request body (only then is one read). */
  takesBody: boolean;
  match(segments: readonly string[]): RouteMatch | undefined;
}

interface CompiledPath {
  /** Per segment: the literal, or undefined for a parameter. */
  literals: (string | undefined)[];
  params: { index: number; name: string }[];
  resolve: { name: string; resolver: Resolver }[];
  handlers: Map<string, { handle: Handler<AnyContext>; permission?: Guard<AnyContext> }>;
}

/** Compiles a route table once: routes grouped by template and indexed by segment count. */
export function compileRoutes(routes: readonly Route[], resolvers: Resolvers = {}): RouteTable {
  const byTemplate = new Map<string, CompiledPath>();
  const byLength = new Map<number, CompiledPath[]>();
  for (const r of routes) {
    let compiled = byTemplate.get(r.path);
    if (!compiled) {
      compiled = compilePath(r.path, resolvers);
      byTemplate.set(r.path, compiled);
      const sameLength = byLength.get(compiled.literals.length) ?? [];
      sameLength.push(compiled);
      byLength.set(compiled.literals.length, sameLength);
    }
    for (const method of r.methods) {
      if (compiled.handlers.has(method)) throw new Error(`Two routes for ${method} ${r.path}`);
      compiled.handlers.set(method, { handle: r.handle, permission: r.permission });
    }
  }
  const takesBody = routes.some((r) => r.methods.some((m) => m !== 'GET'));
  return {
    takesBody,
    match(segments) {
      for (const candidate of byLength.get(segments.length) ?? []) {
        if (!candidate.literals.every((literal, i) => literal === undefined || literal === segments[i])) continue;
        const params: Record<string, string> = {};
        for (const { index, name } of candidate.params) params[name] = segments[index];
        return { params, run: (request, method) => run(candidate, params, request, method) };
      }
      return undefined;
    },
  };
}

function run(path: CompiledPath, params: Record<string, string>, request: RequestContext, method: string) {
  const ctx: Resolving = Object.assign(request, { params });
  for (const { name, resolver } of path.resolve) resolver(ctx, params[name]);
  const handler = path.handlers.get(method) ?? (method === 'HEAD' ? path.handlers.get('GET') : undefined);
  if (!handler) return undefined;
  // The resolvers have put every resource of the path into ctx: it is the context the template promised.
  const routeCtx = ctx as AnyContext;
  const permission = typeof handler.permission === 'function' ? handler.permission(routeCtx) : handler.permission;
  if (permission) requirePermission(routeCtx.user(), permission);
  return handler.handle(routeCtx);
}

function compilePath(path: string, resolvers: Resolvers): CompiledPath {
  const segments = path.split('/').filter(Boolean);
  const compiled: CompiledPath = { literals: [], params: [], resolve: [], handlers: new Map() };
  segments.forEach((segment, index) => {
    const param = /^\{(\w+)\}$/.exec(segment)?.[1];
    compiled.literals.push(param === undefined ? segment : undefined);
    if (param === undefined) return;
    compiled.params.push({ index, name: param });
    const resolver = resolvers[param];
    if (resolver) compiled.resolve.push({ name: param, resolver });
    else if (param in SCOPE_PARAMS) throw new Error(`${path}: nothing here resolves {${param}}`);
  });
  return compiled;
}
