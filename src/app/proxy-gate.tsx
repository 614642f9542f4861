/**
 * Through the local proxy, the page waits for the proxy's connection (`GET /_proxy/info`, read
 * once): its answer decides whether the console is read-only (src/api/actions.ts), which every
 * control that changes Cloud Manager consults when it renders. Elsewhere the page shows at once.
 */
import type { ReactNode } from 'react';
import { currentSettings } from '../api/client';
import { useProxyInfo } from '../api/proxy-info';
import { QueryState, readState } from '../components/query-state';

export function ProxyGate({ children }: { children: ReactNode }) {
  const viaProxy = currentSettings().target === 'proxy';
  const info = useProxyInfo(viaProxy);
  if (!viaProxy) return children;
  return (
    <QueryState what="the local proxy's connection" {...readState(info)}>
      {children}
    </QueryState>
  );
}
