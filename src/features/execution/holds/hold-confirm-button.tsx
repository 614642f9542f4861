import { AlertDialog, Button, DialogTrigger, ProgressCircle, Text } from '@adobe/react-spectrum';
import { useRef, type ReactNode } from 'react';

interface HoldConfirmButtonProps {
  label: string;
  /** The AlertDialog's title ("Approve the deployment to production?"). */
  title: string;
  children: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** Sends the action; called once per confirmation. */
  onConfirm: () => void;
  /** A related action is in flight or was just sent: this button is disabled too. */
  isDisabled?: boolean;
  /** This button's own action is in flight: it shows progress. */
  isPending?: boolean;
}

/**
 * An outlined step button whose action runs only after an AlertDialog confirmation. One
 * confirmation sends once: further presses on the closing dialog are ignored.
 */
export function HoldConfirmButton({
  label,
  title,
  children,
  confirmLabel,
  destructive,
  onConfirm,
  isDisabled,
  isPending,
}: HoldConfirmButtonProps) {
  const confirmed = useRef(false);
  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (open) confirmed.current = false;
      }}
    >
      <Button
        variant="secondary"
        style="outline"
        isDisabled={isDisabled || isPending}
        aria-label={isPending ? `${label} (sending…)` : undefined}
      >
        {isPending ? <ProgressCircle size="S" isIndeterminate aria-label="Sending" aria-hidden /> : null}
        <Text>{label}</Text>
      </Button>
      <AlertDialog
        title={title}
        variant={destructive ? 'destructive' : 'confirmation'}
        primaryActionLabel={confirmLabel}
        cancelLabel="Cancel"
        onPrimaryAction={() => {
          if (confirmed.current) return;
          confirmed.current = true;
          onConfirm();
        }}
      >
        {children}
      </AlertDialog>
    </DialogTrigger>
  );
}
