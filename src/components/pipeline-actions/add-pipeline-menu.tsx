/**
 * "+ Add" (Pipelines card) / "Add Pipeline" (Pipelines page): a menu of Add Production Pipeline —
 * disabled, saying why, when the program already has one — and Add Non-Production Pipeline, each
 * opening its dialog. Absent when the API offers no way to add a pipeline (a real Cloud Manager:
 * the PipelineList has no createPipeline link) and when the console is read-only; disabled, with
 * the reason beside it, for a user without the Pipeline Create / Edit / Delete permission.
 */
import { ActionButton, Button, DialogContainer, Flex, Item, Menu, MenuTrigger, Text } from '@adobe/react-spectrum';
import Add from '@spectrum-icons/workflow/Add';
import { useState } from 'react';
import { createPipeline } from '../../api/actions';
import type { PipelineList } from '../../api/types';
import { isProductionPipeline } from '../../domain/pipeline-type';
import { PermissionHelp, useActionDenial } from '../permission-help';
import { PipelineDialog } from './pipeline-dialog';

type AddKind = 'production' | 'nonProduction';

interface AddPipelineMenuProps {
  programId: string;
  pipelineList: PipelineList | undefined;
  /** "Add" as a quiet action button (a card footer) or "Add Pipeline" as the page's primary button. */
  look: 'footer' | 'toolbar';
}

export function AddPipelineMenu({ programId, pipelineList, look }: AddPipelineMenuProps) {
  const [adding, setAdding] = useState<AddKind | null>(null);
  const denied = useActionDenial({ name: 'createPipeline' }, programId);
  if (!createPipeline(pipelineList).link) return null;
  const trigger = (isDisabled: boolean) =>
    look === 'footer' ? (
      <ActionButton isQuiet isDisabled={isDisabled}>
        <Add />
        <Text>Add</Text>
      </ActionButton>
    ) : (
      <Button variant="accent" isDisabled={isDisabled}>
        Add Pipeline
      </Button>
    );
  if (denied)
    return (
      <Flex alignItems="center" gap="size-50">
        {trigger(true)}
        <PermissionHelp label={look === 'footer' ? 'Add' : 'Add Pipeline'} explanation={denied} />
      </Flex>
    );
  const hasProduction = (pipelineList?._embedded?.pipelines ?? []).some(isProductionPipeline);
  return (
    <>
      <MenuTrigger>
        {trigger(false)}
        <Menu onAction={(key) => setAdding(key as AddKind)} disabledKeys={hasProduction ? ['production'] : []}>
          <Item key="production" textValue="Add Production Pipeline">
            <Text>Add Production Pipeline</Text>
            {hasProduction ? <Text slot="description">The program already has its production pipeline.</Text> : null}
          </Item>
          <Item key="nonProduction" textValue="Add Non-Production Pipeline">
            <Text>Add Non-Production Pipeline</Text>
          </Item>
        </Menu>
      </MenuTrigger>
      <DialogContainer onDismiss={() => setAdding(null)}>
        {adding ? <PipelineDialog programId={programId} kind={adding} /> : null}
      </DialogContainer>
    </>
  );
}
