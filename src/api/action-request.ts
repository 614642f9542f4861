/**
 * The request an action of src/api/actions.ts sends, as data ("Copy as curl" shows it). Apart from
 * actions.ts so the first load, which needs the actions, does not carry it.
 */
import type { CmAction } from './actions';
import type { HttpMethod } from './client';

/** A request as the console sends it: its method, the href of the link it follows, its JSON body. */
export interface ActionRequest {
  method: HttpMethod;
  href: string;
  body?: unknown;
}

/** The request `action` sends, or undefined when the API does not offer it now. */
export function actionRequest(action: CmAction): ActionRequest | undefined {
  return action.link ? { method: action.method ?? 'PUT', href: action.link.href, body: action.body } : undefined;
}
