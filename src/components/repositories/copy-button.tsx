/** Copies a text to the clipboard and says so (politely), or says that it could not. */
import { ActionButton, Flex, Text } from '@adobe/react-spectrum';
import Copy from '@spectrum-icons/workflow/Copy';
import { useState } from 'react';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Copied.');
    } catch {
      setSaid('Could not copy: select the text and copy it yourself.');
    }
  };
  return (
    <Flex alignItems="center" gap="size-100">
      <ActionButton onPress={() => void copy()} aria-label={label}>
        <Copy />
      </ActionButton>
      <span role="status">
        <Text>{said}</Text>
      </span>
    </Flex>
  );
}
