/**
 * Through the local proxy (`npm run proxy`): a bar under the header saying which organisation and
 * which Cloud Manager the console acts on, and that it is read-only when the proxy is. From
 * `GET /_proxy/info`, read once. Nothing on any other target.
 */
import { Flex, Text } from '@adobe/react-spectrum';
import { currentSettings } from '../api/client';
import { useProxyInfo } from '../api/proxy-info';

/** The host of the proxy's target, e.g. cloudmanager.adobe.io. */
function hostOf(target: string): string {
  try {
    return new URL(target).host;
  } catch {
    return target;
  }
}

export function ProxyBanner() {
  const viaProxy = currentSettings().target === 'proxy';
  const info = useProxyInfo(viaProxy);
  if (!viaProxy || !info.data) return null;
  const { organisation, target, readOnly } = info.data;
  return (
    <div className="proxy-banner" role="status" aria-label="Connection">
      <Flex alignItems="center" gap="size-100" wrap>
        <Text>{`Connected to ${organisation} through the local proxy (${hostOf(target)})`}</Text>
        {readOnly ? (
          <Text UNSAFE_className="proxy-banner-read-only">— read-only: nothing can be changed in Cloud Manager from here</Text>
        ) : null}
      </Flex>
    </div>
  );
}
