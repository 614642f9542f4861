/**
 * Advance and cancel bodies → the engine's typed decisions. What a body must say depends on the
 * step (code quality takes metrics, approval `approved`, …); a body that does not say it is a 400
 * naming the body expected.
 */
import { cancelKindFor, type CancelRequest, type StepDecision } from '../sim/decisions';
import type { StepState } from '../sim/model';
import { HttpError } from './problem';

function badBody(message: string): HttpError {
  return new HttpError(400, 'Invalid request body', message);
}

/** Advance and cancel always need a body: refused before the step is even looked at. */
export function requireBody(body: unknown): void {
  if (body === undefined) throw badBody('A JSON body is required (see the API guide for advancing and cancelling steps).');
}

function asObject(body: unknown): Record<string, unknown> {
  requireBody(body);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badBody('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** An advance body on `step` as a decision. */
export function decisionFrom(step: StepState, body: unknown): StepDecision {
  const input = asObject(body);
  switch (step.action) {
    case 'codeQuality': {
      if (!Array.isArray(input.metrics))
        throw badBody('Expected {"metrics":[{"kpi":"…","override":true}, …]} listing every failing important metric.');
      const kpis = (input.metrics as unknown[]).filter(isOverride).map((m) => m.kpi);
      return { kind: 'override', kpis };
    }
    case 'approval':
      if (input.approved !== true) throw badBody('Expected {"approved": true}. To reject, use the cancel link with {"approved": false}.');
      return { kind: 'approve' };
    case 'schedule': {
      if (input.type === 'IMMEDIATE') return { kind: 'scheduleImmediate' };
      if (input.type !== 'SCHEDULED' || typeof input.schedule !== 'string') {
        throw badBody('Expected {"type":"IMMEDIATE"} or {"type":"SCHEDULED","schedule":"<ISO-8601 date-time>"}.');
      }
      const at = Date.parse(input.schedule);
      if (Number.isNaN(at)) throw badBody(`"${input.schedule.slice(0, 40)}" is not an ISO-8601 date-time.`);
      return { kind: 'scheduleAt', at, schedule: input.schedule };
    }
    case 'managed':
      if (input.start !== true) throw badBody('Expected {"start": true}.');
      return { kind: 'managedStart' };
    default:
      throw badBody(`The ${step.action} step takes no decision.`);
  }
}

/** A cancel body on `step` as a cancel request. */
export function cancelRequestFrom(step: StepState, body: unknown): CancelRequest {
  const input = asObject(body);
  const kind = cancelKindFor(step);
  switch (kind) {
    case 'rejectQuality':
      if (input.override !== false) throw badBody('Expected {"override": false} to reject the failed metrics.');
      break;
    case 'rejectApproval':
      if (input.approved !== false) throw badBody('Expected {"approved": false} to reject the deployment.');
      break;
    case 'managedNoStart':
      if (input.start !== false) throw badBody('Expected {"start": false}.');
      break;
    case 'cancel':
      if (input.cancel !== true) throw badBody('Expected {"cancel": true}.');
      break;
  }
  return { kind };
}

function isOverride(metric: unknown): metric is { kpi: string; override: true } {
  if (!metric || typeof metric !== 'object') return false;
  const m = metric as { kpi?: unknown; override?: unknown };
  return typeof m.kpi === 'string' && m.override === true;
}
