/**
 * fast-check generators of random and malformed requests for the simulated API (fuzz tests):
 * real paths and their mutations, odd ids, odd query parameters, Range headers, bad JSON, wrong
 * types, bodies over the 64 KB cap, and /_sim controls with bad bodies.
 */
import fc from 'fast-check';
import type { SimState } from '../sim/model';
import { MAX_BODY_BYTES } from './app';

export interface FuzzRequest {
  method: string;
  /** Path and query, e.g. `/api/program/1/pipelines?start=-1`. */
  target: string;
  headers: Record<string, string>;
  body?: string;
}

const CONTROLS = ['state', 'speed', 'clock', 'outcome', 'layout', 'push-update', 'populate', 'reset'].map((c) => `/_sim/${c}`);

/** Paths that exist in the seeded state (plus every control), to mutate. */
export function knownPaths(state: SimState): string[] {
  const executions = state.executions.filter((e) => e.pipelineId === '101');
  const picks = [executions[executions.length - 1], executions[0]].filter(Boolean);
  const paths = [
    '/api/programs',
    '/api/program/1',
    '/api/program/1/pipelines',
    '/api/program/1/environments',
    '/api/program/1/repositories',
    '/api/program/1/environment/10010',
    '/api/program/1/repository/201',
    '/api/program/1/pipeline/101',
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
    'NORMAL',
    'EMERGENCY',
    'prod',
  ),
  fc.string({ maxLength: 20 }),
);
const query = fc
  .array(fc.tuple(fc.constantFrom('start', 'limit', 'file', 'stepId', 'pipelineExecutionMode', 'type', 'x'), queryValue), { maxLength: 3 })
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
];

const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.constantFrom(...knownBodies).map((b) => JSON.stringify(b)) },
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
      'x-sim-user': fc.string({ maxLength: 80 }).map(printable),
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

export function fuzzRequests(paths: string[]): fc.Arbitrary<FuzzRequest> {
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
  return fc
    .oneof({ weight: 7, arbitrary: general }, { weight: 3, arbitrary: control })
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
