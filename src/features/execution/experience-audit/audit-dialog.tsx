/**
 * The frame of the audit's dialogs (slowest pages, full report, page details): title, content,
 * which run the changes compare with, the simulator-extension label of the per-page scores, and
 * the buttons (Close last).
 */
import { Button, ButtonGroup, Content, Dialog, Divider, Flex, Heading, useDialogContainer } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';
import type { AuditRun } from '../../../api/audit-history';
import { ComparedWithNote } from './compared-with-note';
import { SimulatorExtensionNote } from '../../../components/experience-audit/simulator-extension-note';

/** Wider than Spectrum's large dialog (640px), so no column header of a page table is cut. */
const WIDE = 'min(920px, calc(100vw - 32px))';

interface AuditDialogProps {
  title: string;
  /** Holds a page table: wider than a large dialog. */
  wide?: boolean;
  previousRun: AuditRun | undefined;
  /** Buttons before Close. */
  actions?: ReactNode;
  children: ReactNode;
}

export function AuditDialog({ title, wide = false, previousRun, actions, children }: AuditDialogProps) {
  const { dismiss } = useDialogContainer();
  return (
    <Dialog size={wide ? 'L' : 'M'} width={wide ? WIDE : undefined}>
      <Heading>{title}</Heading>
      <Divider />
      <Content>
        <Flex direction="column" gap="size-150">
          {children}
          <ComparedWithNote previousRun={previousRun} />
          <SimulatorExtensionNote />
        </Flex>
      </Content>
      <ButtonGroup>
        {actions}
        <Button variant="secondary" onPress={dismiss}>
          Close
        </Button>
      </ButtonGroup>
    </Dialog>
  );
}
