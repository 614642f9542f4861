import { Button, Flex, Text } from '@adobe/react-spectrum';
import { useId } from 'react';
import { actionsReadOnly } from '../../../api/actions';

/**
 * The pale, disabled **Cancel** Cloud Manager shows where a step cannot be cancelled (under an
 * approval, under a production deployment that is scheduled or running), with the reason in words:
 * a disabled button takes no focus, so the reason is text it points at. A read-only console shows
 * no controls at all, so not this one either.
 */
export function DisabledCancel({ reason }: { reason: string }) {
  const id = useId();
  if (actionsReadOnly()) return null;
  return (
    <Flex alignItems="center" gap="size-100" wrap UNSAFE_className="disabled-cancel">
      <Button variant="secondary" style="outline" isDisabled aria-describedby={id}>
        Cancel
      </Button>
      <Text id={id} UNSAFE_className="muted">
        {reason}
      </Text>
    </Flex>
  );
}
