/**
 * Copying a request as curl (src/api/curl.ts, loaded when first used): to the clipboard with a
 * toast saying which variables the command reads; where the clipboard is unavailable, `fallback`
 * shows the command to copy by hand.
 */
import { Content, Dialog, DialogContainer, Heading, Text, ToastQueue } from '@adobe/react-spectrum';
import { useState, type ReactNode } from 'react';
import type { ActionRequest } from '../../api/action-request';

export function useCopyCurl(): { copy: (request: ActionRequest) => Promise<void>; fallback: ReactNode } {
  const [shown, setShown] = useState<string | null>(null);
  const copy = async (request: ActionRequest) => {
    const { curlCommand, curlAdvice } = await import('../../api/curl');
    const command = curlCommand(request);
    try {
      await navigator.clipboard.writeText(command);
      ToastQueue.positive(curlAdvice(command), { timeout: 8000 });
    } catch {
      setShown(command);
    }
  };
  const fallback = (
    <DialogContainer onDismiss={() => setShown(null)} isDismissable>
      {shown === null ? null : (
        <Dialog size="L">
          <Heading>Copy as curl</Heading>
          <Content>
            <Text>The clipboard is not available here: select the command and copy it.</Text>
            <pre tabIndex={0} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {shown}
            </pre>
          </Content>
        </Dialog>
      )}
    </DialogContainer>
  );
  return { copy, fallback };
}
