#!/usr/bin/env node
/**
 * An example Cloud Manager event notifier: plain Node (≥ 20), no framework, no dependencies.
 *
 *   node examples/notifier/notifier.mjs --port 9999 --secret s3cret
 *
 * It receives Cloud Manager events (Adobe I/O Events webhooks, from the simulator's
 * `npm run api -- --events-webhook http://127.0.0.1:9999/webhook --events-secret s3cret`):
 * - answers the registration challenge (`GET /webhook?challenge=…` → `{"challenge": "…"}`);
 * - verifies each delivery's `x-adobe-signature` (base64 HMAC-SHA256 of the raw body with the
 *   secret) and refuses a bad one with 401;
 * - prints one line per event, shaped like a Slack or Teams message:
 *   `✅ WKND Sites · Production Pipeline · execution 1234 finished — http://…/execution/1234`,
 *   reading the program, pipeline and step from the event's `@id` URL (the execution or step
 *   state) and its links. Lines come out in the order the events arrived.
 *
 * When the API asks for credentials (`--require-auth`, `--users`), set CM_TOKEN, CM_API_KEY and
 * CM_ORG_ID: they are sent as `Authorization: Bearer`, `x-api-key` and `x-gw-ims-org-id`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const MAX_BODY = 1024 * 1024;

const STEP_TITLES = {
  validate: 'Validation',
  build: 'Build & Unit Testing',
  codeQuality: 'Code Scanning',
  buildImage: 'Build Images',
  productTest: 'Product Functional Testing',
  functionalTest: 'Custom Functional Testing',
  uiTest: 'Custom UI Testing',
  contentAudit: 'Experience Audit',
  approval: 'Approval',
  schedule: 'Schedule',
  managed: 'Managed Step',
};
const DEPLOY_TITLES = { dev: 'Deploy to Dev', stage: 'Deploy to Stage', prod: 'Deploy to Production' };

/** How each end of a run reads. */
const RUN_ENDS = {
  FINISHED: ['✅', 'finished'],
  FAILED: ['❌', 'failed'],
  ERROR: ['❌', 'failed with an error'],
  CANCELLED: ['🛑', 'was cancelled'],
};
const STEP_ENDS = {
  FINISHED: '✔️',
  FAILED: '❌',
  ERROR: '❌',
  CANCELLED: '🛑',
  INCOMPLETE: '⚪',
};

function signatureOk(body, secret, signature) {
  if (typeof signature !== 'string') return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('base64'));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The link `rel` of a HAL resource (the http:// or https:// spelling of Adobe's relation), absolute against `base`. */
function linkOf(resource, rel, base) {
  const links = resource?._links ?? {};
  const found = links[`http://ns.adobe.com/adobecloud/rel/${rel}`] ?? links[`https://ns.adobe.com/adobecloud/rel/${rel}`];
  return found?.href ? new URL(found.href, base).toString() : undefined;
}

function apiHeaders() {
  const headers = { accept: 'application/json' };
  if (process.env.CM_TOKEN) headers.authorization = `Bearer ${process.env.CM_TOKEN}`;
  if (process.env.CM_API_KEY) headers['x-api-key'] = process.env.CM_API_KEY;
  if (process.env.CM_ORG_ID) headers['x-gw-ims-org-id'] = process.env.CM_ORG_ID;
  return headers;
}

/** GETs a resource of the API (programs and pipelines are asked once). */
const cache = new Map();
async function getJson(url, { cached = false } = {}) {
  if (cached && cache.has(url)) return cache.get(url);
  const response = await fetch(url, { headers: apiHeaders(), signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const body = await response.json();
  if (cached) cache.set(url, body);
  return body;
}

/** One line for one event: what happened, to which program, pipeline and execution, and where to look. */
export async function lineFor(code, envelope) {
  const url = envelope?.event?.['activitystreams:object']?.['@id'];
  if (typeof url !== 'string') return `🔔 ${code}`;
  try {
    const object = await getJson(url);
    const stepEvent = code.startsWith('pipeline_execution_step_');
    const execution = stepEvent ? await getJson(linkOf(object, 'execution', url)) : object;
    const [program, pipeline] = await Promise.all([
      getJson(linkOf(execution, 'program', url), { cached: true }),
      getJson(linkOf(execution, 'pipeline', url), { cached: true }),
    ]);
    const where = `${program.name} · ${pipeline.name} · execution ${execution.id}`;
    const runUrl = new URL(execution._links.self.href, url).toString();
    if (code === 'pipeline_execution_start') {
      const who = execution.startedBy?.name ?? execution.user;
      return `▶️ ${where} started${who ? ` by ${who}` : ` (${execution.trigger})`} — ${runUrl}`;
    }
    if (code === 'pipeline_execution_end') {
      const [icon, words] = RUN_ENDS[execution.status] ?? ['🔔', `ended ${execution.status}`];
      return `${icon} ${where} ${words} — ${runUrl}`;
    }
    const title =
      object.action === 'deploy' ? (DEPLOY_TITLES[object.environmentType] ?? 'Deploy') : (STEP_TITLES[object.action] ?? object.action);
    if (code === 'pipeline_execution_step_start') return `🔄 ${where} · ${title} started — ${runUrl}`;
    if (code === 'pipeline_execution_step_waiting') return `⏸️ ${where} · ${title} is waiting for a decision — ${runUrl}`;
    const by = object.details?.decidedBy?.name ? ` by ${object.details.decidedBy.name}` : '';
    return `${STEP_ENDS[object.status] ?? '🔔'} ${where} · ${title} ${String(object.status).toLowerCase()}${by} — ${runUrl}`;
  } catch (error) {
    return `🔔 ${code} — ${url} (details unavailable: ${error.message})`;
  }
}

export function startNotifier({ port = 9999, host = '127.0.0.1', path = '/webhook', secret, print = console.log }) {
  // Lines are printed in the order the events arrived, whatever order their details come back in.
  let printed = Promise.resolve();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://notifier');
    if (url.pathname !== path) return void res.writeHead(404).end();
    if (req.method === 'GET') {
      const challenge = url.searchParams.get('challenge');
      if (challenge === null) return void res.writeHead(400).end('no challenge');
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge }));
    }
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (size > MAX_BODY || !signatureOk(body, secret, req.headers['x-adobe-signature'])) {
        console.error(`refused a delivery with a missing or bad signature (${req.headers['x-adobe-event-id'] ?? 'no event id'})`);
        return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}');
      }
      let envelope;
      try {
        envelope = JSON.parse(body);
      } catch {
        return void res.writeHead(400).end();
      }
      res.writeHead(200).end();
      const line = lineFor(String(req.headers['x-adobe-event-code'] ?? 'event'), envelope);
      printed = printed.then(async () => print(await line));
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop());
if (isMain) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9999' },
      host: { type: 'string', default: '127.0.0.1' },
      path: { type: 'string', default: '/webhook' },
      secret: { type: 'string', default: process.env.EVENTS_SECRET },
    },
  });
  if (!values.secret) {
    console.error('notifier: give the webhook secret with --secret <secret> (or EVENTS_SECRET)');
    process.exit(2);
  }
  const server = await startNotifier({ port: Number(values.port), host: values.host, path: values.path, secret: values.secret });
  const { port } = server.address();
  console.log(`Notifier listening on http://${values.host}:${port}${values.path}`);
}
