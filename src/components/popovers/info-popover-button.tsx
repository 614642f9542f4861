import { ActionButton, Content, Dialog, DialogTrigger, Heading } from '@adobe/react-spectrum';
import InfoOutline from '@spectrum-icons/workflow/InfoOutline';
import type { ReactNode } from 'react';

/** Cloud Manager's (i): a quiet button "Details of <name>" opening a popover titled <name>. */
export function InfoPopoverButton({ name, children }: { name: string; children: ReactNode }) {
  return (
    <DialogTrigger type="popover">
      <ActionButton isQuiet aria-label={`Details of ${name}`}>
        <InfoOutline />
      </ActionButton>
      <Dialog>
        <Heading>{name}</Heading>
        <Content>{children}</Content>
      </Dialog>
    </DialogTrigger>
  );
}
