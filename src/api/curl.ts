/**
 * "Copy as curl": the request the console would send, as a shell command a user can run, so the
 * console teaches the API. The URL is the absolute one the link resolves to; the headers are the
 * ones the console sends with the current Settings — but never a credential's value: the API key
 * and the access token are read from `$CM_API_KEY` and `$CM_ACCESS_TOKEN` when the command runs.
 * Loaded on demand (the first load does not need it).
 */
import type { ActionRequest } from './action-request';
import { currentSettings, resolveHref } from './client';
import type { ApiSettings } from './settings';

/** The environment variables a copied command reads its credentials from. */
export const CURL_ENV = { apiKey: 'CM_API_KEY', accessToken: 'CM_ACCESS_TOKEN' } as const;

/** Single-quoted for a POSIX shell: nothing inside is expanded. */
const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The curl command for `request` with the headers the console would send: `accept`, and — except
 * through the local proxy, which adds its own — `x-api-key` (from $CM_API_KEY), `x-gw-ims-org-id`,
 * `Authorization: Bearer` (from $CM_ACCESS_TOKEN; always for another server, which needs it), and
 * `content-type` with the JSON body.
 */
export function curlCommand(request: ActionRequest, settings: ApiSettings = currentSettings()): string {
  const parts = [`curl${request.method === 'GET' ? '' : ` -X ${request.method}`} ${quoted(resolveHref(request.href))}`];
  parts.push(`-H ${quoted('accept: application/json')}`);
  if (settings.target !== 'proxy') {
    if (settings.apiKey) parts.push(`-H "x-api-key: $${CURL_ENV.apiKey}"`);
    if (settings.imsOrgId) parts.push(`-H ${quoted(`x-gw-ims-org-id: ${settings.imsOrgId}`)}`);
    if (settings.accessToken || settings.target === 'custom') parts.push(`-H "Authorization: Bearer $${CURL_ENV.accessToken}"`);
  }
  if (request.body !== undefined) {
    parts.push(`-H ${quoted('content-type: application/json')}`);
    parts.push(`-d ${quoted(JSON.stringify(request.body))}`);
  }
  return parts.join(' \\\n  ');
}

/** What to tell the user with a copied command (where it runs, which variables it reads). */
export function curlAdvice(command: string, settings: ApiSettings = currentSettings()): string {
  const variables = [CURL_ENV.apiKey, CURL_ENV.accessToken].filter((name) => command.includes(`$${name}`)).map((name) => `$${name}`);
  const reads = variables.length ? ` It reads ${variables.join(' and ')} from your shell.` : '';
  const embedded =
    settings.target === 'embedded'
      ? ' The embedded simulator answers only inside this tab: to run it, start the standalone server (npm run api) and use its URL.'
      : '';
  return `Copied the curl command.${reads}${embedded}`;
}
