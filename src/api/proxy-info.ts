/**
 * The local proxy's connection (`GET /_proxy/info`, proxy/proxy.ts): which Cloud Manager and
 * organisation it acts on, and whether it is read-only. Read once when the console runs through
 * the proxy (the `proxy` target); its answer switches the actions layer to read-only.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { setActionsReadOnly } from './actions';
import { ApiError, getJson } from './client';
import { queryKeys } from './query-keys';
import { proxyInfoPath } from './settings';

export interface ProxyInfo {
  /** The API the proxy forwards to, e.g. https://cloudmanager.adobe.io */
  target: string;
  /** The IMS organisation, `…@AdobeOrg`. */
  organisation: string;
  /** Only GET and HEAD reach Cloud Manager. */
  readOnly: boolean;
  /** Where its token comes from: IMS with client credentials, or a token it was given. */
  auth: 'client_credentials' | 'access_token' | string;
}

function isProxyInfo(value: unknown): value is ProxyInfo {
  const info = value as Partial<ProxyInfo> | null;
  return (
    typeof info === 'object' &&
    info !== null &&
    typeof info.target === 'string' &&
    typeof info.organisation === 'string' &&
    typeof info.readOnly === 'boolean'
  );
}

/** Reads the proxy's connection and puts the actions layer in read-only mode when the proxy is. */
export async function readProxyInfo(signal?: AbortSignal): Promise<ProxyInfo> {
  const info = await getJson<unknown>(proxyInfoPath() ?? '/_proxy/info', signal);
  if (!isProxyInfo(info))
    throw new ApiError(200, 'Unreadable answer from the local proxy', 'GET /_proxy/info did not describe the connection.', 'parse');
  setActionsReadOnly(info.readOnly);
  return info;
}

/** Read once, never polled: the connection does not change while the proxy runs. */
export function proxyInfoQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.proxyInfo(),
    queryFn: ({ signal }) => readProxyInfo(signal),
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** The proxy's connection, when `enabled` (the console runs through the proxy). */
export function useProxyInfo(enabled: boolean) {
  return useQuery({ ...proxyInfoQueryOptions(), enabled });
}
