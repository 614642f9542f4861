/**
 * fast-check generators of random and malformed requests for the simulated API (fuzz tests):
 * real paths and their mutations, odd ids, odd query parameters, Range headers, bad JSON, wrong
 * types, bodies over the 64 KB cap, and /_sim controls with bad bodies.
 */
import fc from 'fast-check';
import type { SimState } from '../sim/model';
import { SEED_USERS } from '../sim/users';
import { MAX_BODY_BYTES } from './app';

export interface FuzzRequest {
  method: string;
  /** Path and query, e.g. `/api/program/1/pipelines?start=-1`. */
  target: string;
  headers: Record<string, string>;
  body?: string;
}

const CONTROLS = [
  'state',
  'speed',
  'clock',
  'outcome',
  'layout',
  'push-update',
  'push',
  'populate',
  'reset',
  'whoami',
  'users',
  'events',
  'webhooks',
  'webhooks/00000000-0000-4000-8000-000000000000',
  'webhooks/nope/deliveries',
].map((c) => `/_sim/${c}`);

/** Paths that exist in the seeded state (plus every control), to mutate. */
export function knownPaths(state: SimState): string[] {
  const today = new Date(state.now).toISOString().slice(0, 10);
  const yesterday = new Date(state.now - 86_400_000).toISOString().slice(0, 10);
  const executions = state.executions.filter((e) => e.pipelineId === '101');
  const picks = [executions[executions.length - 1], executions[0]].filter(Boolean);
  const paths = [
    '/api/programs',
    '/api/program/1',
    '/api/program/1/pipelines',
    '/api/program/1/environments',
    '/api/program/1/repositories',
    '/api/program/1/environment/10010',
    '/api/program/1/environment/10010/variables',
    '/api/program/3/environment/10030/variables',
    '/api/program/1/environment/10010/logs',
    '/api/program/1/environment/10012/logs/download',
    `/files/environment/10010/logs/author/aemerror/${today}.log`,
    `/files/environment/10010/logs/author/aemerror/${yesterday}.log.gz`,
    `/files/environment/10012/logs/dispatcher/httpderror/${today}.log.gz`,
    `/files/environment/10030/logs/preview/aemerror/${today}.log`,
    '/api/program/1/repository/201/generatePassword',
    '/api/program/1/repository/201',
    '/api/program/1/pipeline/101',
    '/api/program/1/pipeline/102',
    '/api/program/1/pipeline/103',
    '/api/program/1/pipeline/101/variables',
    '/api/program/1/pipeline/102/variables',
    '/api/program/1/pipeline/101/cache',
    '/api/program/1/pipeline/103/cache',
    '/api/program/1/repository/201/branches',
    '/api/program/5/pipelines',
    '/api/program/5/repository/205/branches',
    '/api/program/1/pipeline/101/execution',
    '/api/program/1/pipeline/101/executions',
    '/api/alt-layout/program/1/pipeline/101',
    '/_sim',
    ...CONTROLS,
  ];
  for (const execution of picks) {
    const base = `/api/program/1/pipeline/101/execution/${execution.id}`;
    paths.push(base);
    for (const step of execution.steps.filter((_, i) => i % 3 === 0 || i === execution.steps.length - 1)) {
      const stepBase = `${base}/phase/${step.phaseId}/step/${step.stepId}`;
      paths.push(
        stepBase,
        ...['advance', 'cancel', 'logs', 'metrics', 'artifacts', `artifact/${step.id}-scan`].map((a) => `${stepBase}/${a}`),
      );
      paths.push(
        `/files/execution/${execution.id}/step/${step.id}/log/main.log`,
        `/files/execution/${execution.id}/step/${step.id}/artifact/${step.id}-tests`,
      );
    }
  }
  return paths;
}

const oddSegment = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '1e3',
    '1.5',
    '99999999999999999999999',
    '%',
    '%zz',
    '%2F',
    '%00',
    '..',
    '.',
    ' ',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    "1' OR '1'='1",
    'ü',
    '😀',
    '%F0%9F%98%80',
    'x'.repeat(300),
    'program',
    'step',
    'execution',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);

const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, '');

function mutatePath(path: string) {
  const segments = path.split('/');
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(path) },
    fc.tuple(fc.nat(segments.length - 1), oddSegment).map(([i, s]) => segments.map((x, j) => (j === i && j > 0 ? s : x)).join('/')),
    fc.tuple(fc.nat(segments.length), oddSegment).map(([i, s]) => [...segments.slice(0, i), s, ...segments.slice(i)].join('/')),
    fc.constant(segments.slice(0, -1).join('/') || '/'),
    oddSegment.map((s) => `${path}/${s}`),
    fc.constant(`${path}//`),
  );
}

const queryValue = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '1',
    '-1',
    '20',
    '1000',
    '1001',
    '1e3',
    '0x10',
    'NaN',
    'abc',
    '9999999999',
    'main',
    'sonarLogFile',
    'author',
    'dispatcher',
    'preview_dispatcher',
    'aemerror',
    'aemaccess',
    'httpdaccess',
    '2026-11-27',
    '2026-11-28',
    '2026-02-30',
    '1999-01-01',
    'NORMAL',
    'EMERGENCY',
    'prod',
  ),
  fc.string({ maxLength: 20 }),
);
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom('start', 'limit', 'file', 'stepId', 'pipelineExecutionMode', 'type', 'service', 'name', 'days', 'date', 'since', 'x'),
      queryValue,
    ),
    { maxLength: 3 },
  )
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''));

const knownBodies = [
  { approved: true },
  { approved: false },
  { approved: 'true' },
  { cancel: true },
  { cancel: 'yes' },
  { override: false },
  { start: true },
  { resume: 1 },
  { type: 'IMMEDIATE' },
  { type: 'SCHEDULED', schedule: 'not a date' },
  { type: 'SCHEDULED', schedule: '2099-01-01T00:00:00Z' },
  { metrics: 'coverage' },
  { metrics: [{ kpi: 1, override: 'yes' }] },
  { speed: -1 },
  { speed: 0 },
  { speed: 1e12 },
  { speed: '30' },
  { speed: null },
  { advanceMs: 'soon' },
  { advanceMs: -5 },
  { advanceMs: 1e15 },
  { advanceMs: 60_000 },
  { outcome: 'nope' },
  { outcome: { codeQuality: 'pass' } },
  { layout: 'diagonal' },
  { programId: 1, pipelineId: 101 },
  { programId: '999', pipelineId: '1' },
  { seed: -1 },
  { seed: 'one' },
  { seed: 1.5 },
  { programs: -1 },
  { programs: 1e9 },
  { executions: 'many' },
  { programs: 6 },
  { executions: 40 },
  // Webhook registrations: none can pass the challenge (nothing listens on port 1), most are malformed.
  { url: 'http://127.0.0.1:1/webhook', secret: 's3cret' },
  { url: 'not a url', secret: 's3cret' },
  { url: 'ftp://127.0.0.1/webhook', secret: 's3cret' },
  { url: 'http://user:pw@127.0.0.1:1/webhook', secret: 's3cret' },
  { url: 'http://127.0.0.1:1/webhook' },
  { url: 'http://127.0.0.1:1/webhook', secret: '' },
  { url: 'http://127.0.0.1:1/webhook', secret: 's', extra: true },
];

/** Bodies of the pipeline configuration operations: add, edit (PipelineUpdate), variables, push — valid and not. */
const configBodies: unknown[] = [
  {
    name: 'Fuzz Production',
    trigger: 'ON_COMMIT',
    phases: [
      { type: 'BUILD', repositoryId: '205', branch: 'main' },
      { type: 'DEPLOY', environmentId: '10052', steps: [{ name: 'approval' }, { name: 'deploy' }] },
    ],
  },
  { name: 'Fuzz QA', phases: [{ type: 'BUILD', repositoryId: '201', branch: 'develop' }] },
  { name: '', phases: [{ type: 'BUILD', repositoryId: '201', branch: 'nope' }] },
  { name: 'x'.repeat(65), trigger: 'SOMETIMES', phases: 'none' },
  { phases: [{ type: 'BUILD', branch: 'release/2026.11' }] },
  { phases: [{ type: 'BUILD', branch: 'no-such-branch' }] },
  { name: 'Renamed by fuzz', trigger: 'MANUAL' },
  { name: 'Production Pipeline' },
  { phases: [{ type: 'DEPLOY', name: 'DEPLOY_PROD', steps: [{ name: 'schedule' }, { name: 'deploy' }] }] },
  { phases: [{ type: 'DEPLOY', environmentId: '10011', steps: [{ name: 'contentAudit', options: { pages: ['/a', 'b'] } }] }] },
  { phases: [{ type: 'BUILD', steps: [{ name: 'codeQuality', options: { importantMetricFailuresBehavior: 'FAIL' } }] }] },
  { phases: [{ type: 'BUILD', steps: [{ name: 'loadTest' }] }] },
  [{ name: 'FUZZ_VAR', value: 'x' }],
  [{ name: 'FUZZ_SECRET', value: 's', type: 'secretString' }],
  [{ name: 'FUZZ_VAR' }],
  [{ name: 'CM_RESERVED', value: 'x' }],
  [{ name: '1bad', value: 'x', type: 'number' }],
  [{ name: 'BIG', value: 'x'.repeat(600), type: 'secretString' }],
  [{ name: 'FUZZ_ENV', value: 'x', service: 'publish' }],
  [{ name: 'FUZZ_ENV', value: 'y', service: 'preview' }],
  [{ name: 'FUZZ_ENV', service: 'publish' }],
  [{ name: 'FUZZ_ENV', value: 'z', service: 'dispatcher' }],
  [{ name: 'FUZZ_ENV_SECRET', value: 'hidden', type: 'secretString', service: 'author' }],
  { programId: '1', repositoryId: '201', branch: 'develop' },
  { programId: '1', repositoryId: '201', branch: 'feature/fuzz', message: 'Fuzzed' },
  { programId: '1', repositoryId: '201', branch: '../x' },
  { programId: '1', repositoryId: '999', branch: 'main' },
];

/** The pipeline configuration operations, sent with their own kind of body most of the time. */
const CONFIG_OPERATIONS: [method: string, path: string][] = [
  ['POST', '/api/program/5/pipelines'],
  ['POST', '/api/program/1/pipelines'],
  ['PATCH', '/api/program/1/pipeline/101'],
  ['PATCH', '/api/program/1/pipeline/102'],
  ['PATCH', '/api/program/1/pipeline/103'],
  ['DELETE', '/api/program/1/pipeline/101'],
  ['DELETE', '/api/program/1/pipeline/103'],
  ['PATCH', '/api/program/1/pipeline/101/variables'],
  ['PATCH', '/api/program/1/pipeline/102/variables'],
  ['DELETE', '/api/program/1/pipeline/102/cache'],
  ['PATCH', '/api/program/1/environment/10010/variables'],
  ['PATCH', '/api/program/3/environment/10030/variables'],
  ['POST', '/api/program/1/repository/201/generatePassword'],
  ['POST', '/_sim/push'],
];

const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.constantFrom(...knownBodies, ...configBodies).map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? '') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('{', '{"approved": true', 'null', '[]', '""', 'tru', '{"a":1}}', '\u0000', 'NaN', '{"__proto__": {"x": 1}}'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_BODY_BYTES - 20, max: MAX_BODY_BYTES * 3 }).map((n) => `{"a":"${'x'.repeat(n)}"}`) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_BODY_BYTES / 4 - 2, max: MAX_BODY_BYTES / 2 }).map((n) => `"${'€'.repeat(n)}"`) },
);

const headers = fc
  .record(
    {
      range: fc.oneof(
        fc.constantFrom('bytes=0-', 'bytes=5-10', 'bytes=-5', 'bytes=abc', 'bytes=999999999-', 'items=0-1', 'bytes=10-5', 'bytes=0-0,5-6'),
        fc.string({ maxLength: 20 }).map(printable),
      ),
      accept: fc.constantFrom('application/json', 'text/plain', '*/*', 'application/hal+json;q=0.1'),
      'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
      // The seeded users (a Developer is refused most actions), and ids that name nobody.
      'x-sim-user': fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...SEED_USERS.map((u) => u.id)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 80 }).map(printable) },
      ),
    },
    { requiredKeys: [] },
  )
  .map((h) =>
    Object.fromEntries(
      Object.entries(h)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v !== ''),
    ),
  );

/** Queries of an environment's logs and downloads: plausible values, valid together now and then. */
function environmentLogQueries(state: SimState) {
  const day = (offset: number) => new Date(state.now - offset * 86_400_000).toISOString().slice(0, 10);
  const value = (values: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: queryValue });
  const pairs = fc.tuple(
    fc.array(fc.tuple(fc.constant('service'), value(['author', 'publish', 'dispatcher', 'preview', 'preview_dispatcher'])), {
      maxLength: 2,
    }),
    fc.array(fc.tuple(fc.constant('name'), value(['aemerror', 'aemrequest', 'httpderror', 'aemdispatcher'])), {
      minLength: 1,
      maxLength: 2,
    }),
    fc.option(fc.tuple(fc.constant('days'), value(['1', '2', '14', '15', '0'])), { nil: undefined }),
    fc.option(fc.tuple(fc.constant('date'), value([day(0), day(1), day(13), day(14), day(-1)])), { nil: undefined }),
  );
  return fc.record({
    path: fc.constantFrom(
      '/api/program/1/environment/10010/logs',
      '/api/program/3/environment/10030/logs',
      '/api/program/1/environment/10010/logs/download',
    ),
    query: pairs.map(
      ([services, names, days, date]) =>
        `?${new URLSearchParams([...services, ...names, ...(days ? [days] : []), ...(date ? [date] : [])]).toString()}`,
    ),
    method: fc.constantFrom('GET', 'GET', 'HEAD', 'POST'),
    headers,
    body: fc.constant(undefined),
  });
}

export function fuzzRequests(paths: string[], state?: SimState): fc.Arbitrary<FuzzRequest> {
  const path = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...paths).chain(mutatePath) },
    { weight: 1, arbitrary: fc.array(oddSegment, { minLength: 1, maxLength: 6 }).map((s) => `/${s.join('/')}`) },
    { weight: 1, arbitrary: fc.array(oddSegment, { maxLength: 4 }).map((s) => `/api/${s.join('/')}`) },
  );
  const general = fc.record({
    method: fc.constantFrom('GET', 'GET', 'HEAD', 'PUT', 'PUT', 'POST', 'POST', 'PATCH', 'DELETE'),
    path,
    query,
    headers,
    body,
  });
  // The controls change state when valid: send them often, mostly with their own methods and bad bodies.
  const control = fc.record({
    method: fc.constantFrom('PUT', 'POST', 'PUT', 'POST', 'GET', 'DELETE'),
    path: fc.constantFrom(...CONTROLS),
    query,
    headers,
    body,
  });
  // The pipeline configuration operations with (mostly) bodies of their kind, so valid ones happen too.
  const configure = fc
    .record({
      operation: fc.constantFrom(...CONFIG_OPERATIONS),
      query,
      headers,
      body: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...configBodies).map((b) => JSON.stringify(b)) },
        { weight: 1, arbitrary: body },
      ),
    })
    .map(({ operation: [method, p], ...rest }) => ({ method, path: p, ...rest }));
  const logs = state ? [{ weight: 1, arbitrary: environmentLogQueries(state) }] : [];
  return fc
    .oneof({ weight: 7, arbitrary: general }, { weight: 3, arbitrary: control }, { weight: 2, arbitrary: configure }, ...logs)
    .map(({ method, path: p, query: q, headers: h, body: b }) => ({
      method,
      target: `${p.startsWith('/') ? p : `/${p}`}${q}`,
      headers: h,
      body: method === 'GET' || method === 'HEAD' ? undefined : b,
    }));
}

export function toRequest(origin: string, r: FuzzRequest): Request {
  return new Request(new URL(origin + r.target), { method: r.method, headers: r.headers, body: r.body });
}
