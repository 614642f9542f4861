/**
 * Validates response bodies against the definitions of Adobe's spec (spec/api.yaml) with ajv, and
 * event envelopes against Adobe's event definitions (spec/events.yaml).
 * Two documented extensions are allowed by name: trigger RE_EXECUTE (Experience League) and step
 * status INCOMPLETE (release notes; already in the spec's step enum). Timestamps use the real API's
 * form "2019-07-08T22:44:25.537+0000".
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

interface Spec {
  definitions: Record<string, Record<string, unknown>>;
}

const API_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?([+-]\d{2}:?\d{2}|Z)$/;

export const ALLOWED_EXTENSIONS = { executionTrigger: ['RE_EXECUTE'], stepStatus: ['INCOMPLETE'] };

function loadSpec(): Spec {
  const path = fileURLToPath(new URL('./spec/api.yaml', import.meta.url));
  const spec = parse(readFileSync(path, 'utf8')) as Spec;
  const trigger = (spec.definitions.PipelineExecution.properties as Record<string, { enum: string[] }>).trigger;
  for (const value of ALLOWED_EXTENSIONS.executionTrigger) if (!trigger.enum.includes(value)) trigger.enum.push(value);
  const status = (spec.definitions.PipelineExecutionStepState.properties as Record<string, { enum: string[] }>).status;
  for (const value of ALLOWED_EXTENSIONS.stepStatus) if (!status.enum.includes(value)) status.enum.push(value);
  return spec;
}

export function createSpecValidator() {
  const spec = loadSpec();
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', API_TIME);
  ajv.addFormat('int32', /^-?\d+$/);
  ajv.addFormat('int64', /^-?\d+$/);
  ajv.addSchema({ $id: 'spec', definitions: spec.definitions });
  const cache = new Map<string, ValidateFunction>();
  return (definition: string, body: unknown): string[] => {
    if (!spec.definitions[definition]) throw new Error(`no definition ${definition} in the spec`);
    let validate = cache.get(definition);
    if (!validate) {
      validate = ajv.compile({ $ref: `spec#/definitions/${definition}` });
      cache.set(definition, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${definition}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
}

/**
 * Validates event envelopes against a definition of spec/events.yaml. The definitions mark nothing
 * required, so every property they name is made required here (but `activitystreams:actor`: a run
 * that no user started has none), and their `const` values (not Swagger 2's, but ajv checks them)
 * are enforced; `published` must be an ISO date-time.
 */
export function createEventValidator() {
  const path = fileURLToPath(new URL('./spec/events.yaml', import.meta.url));
  const definitions = (parse(readFileSync(path, 'utf8')) as Spec).definitions;
  const strict = (schema: unknown): unknown => {
    if (!schema || typeof schema !== 'object') return schema;
    const node = { ...(schema as Record<string, unknown>) };
    const properties = node.properties as Record<string, unknown> | undefined;
    if (properties) {
      node.properties = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, strict(value)]));
      node.required = Object.keys(properties).filter((key) => key !== 'activitystreams:actor');
    }
    return node;
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
  ajv.addSchema({ $id: 'events', definitions: Object.fromEntries(Object.entries(definitions).map(([name, d]) => [name, strict(d)])) });
  const cache = new Map<string, ValidateFunction>();
  return (definition: string, body: unknown): string[] => {
    if (!definitions[definition]) throw new Error(`no definition ${definition} in events.yaml`);
    let validate = cache.get(definition);
    if (!validate) {
      validate = ajv.compile({ $ref: `events#/definitions/${encodeURIComponent(definition)}` });
      cache.set(definition, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${definition}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
}
