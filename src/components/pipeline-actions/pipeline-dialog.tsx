/**
 * Add / Edit Production Pipeline and Add / Edit Non-Production Pipeline (cm-ui.md §12): tabs
 * Configuration, Source Code and (production) Experience Audit; Continue moves to the next tab,
 * Save adds the pipeline (POST to the PipelineList's createPipeline link) and Update edits it
 * (PATCH its self link). Problems show on their fields; a refusal from the server shows above the
 * tabs, and the dialog stays open with everything the user typed.
 */
import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Heading,
  Item,
  TabList,
  TabPanels,
  Tabs,
  useDialogContainer,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import { createPipeline, updatePipeline } from '../../api/actions';
import { createPipelineBody, updatePipelineBody, type PipelineKind } from '../../api/pipeline-bodies';
import { actionRequest } from '../../api/action-request';
import { CopyCurlMenu } from '../copy-curl/copy-curl-menu';
import { useLinkAction } from '../../api/mutations';
import type { Pipeline } from '../../api/types';
import { newPipelineSettings, settingsOfPipeline } from '../../domain/pipeline-settings';
import { ProblemAlert } from '../problem-alert';
import { ConfigurationTab } from './configuration-tab';
import { ExperienceAuditTab } from './experience-audit-tab';
import { SourceCodeTab } from './source-code-tab';
import { TAB_OF, usePipelineForm, type PipelineTab } from './use-pipeline-form';

export interface PipelineDialogProps {
  programId: string;
  /** Add: which dialog. Edit: taken from the pipeline. */
  kind?: 'production' | 'nonProduction';
  /** The pipeline to edit (Edit Production / Non-Production Pipeline). */
  pipeline?: Pipeline;
}

const TAB_TITLES: Record<PipelineTab, string> = { configuration: 'Configuration', source: 'Source Code', audit: 'Experience Audit' };

function initialSettings(kind: PipelineDialogProps['kind'], pipeline: Pipeline | undefined) {
  if (pipeline) return settingsOfPipeline(pipeline);
  return newPipelineSettings(kind === 'production' ? 'production' : 'codeQuality');
}

const KIND_WORDS: Record<PipelineKind, string> = {
  production: 'Production Pipeline',
  deployment: 'Non-Production Pipeline',
  codeQuality: 'Non-Production Pipeline',
};

export function PipelineDialog({ programId, kind, pipeline }: PipelineDialogProps) {
  const dialog = useDialogContainer();
  const form = usePipelineForm(programId, initialSettings(kind, pipeline), pipeline);
  const { settings } = form;
  const action = useLinkAction();
  const [tab, setTab] = useState<PipelineTab>('configuration');
  const [refusal, setRefusal] = useState<Error | null>(null);
  const editing = pipeline !== undefined;
  const production = settings.kind === 'production';
  const tabs: PipelineTab[] = production ? ['configuration', 'source', 'audit'] : ['configuration', 'source'];
  const title = `${editing ? 'Edit' : 'Add'} ${KIND_WORDS[settings.kind]}`;
  const next = tabs[tabs.indexOf(tab) + 1];

  const onContinue = () => {
    const problems = form.problemsIn(tab);
    form.reveal(problems);
    if (problems.length === 0 && next) setTab(next);
  };

  const onSave = async () => {
    form.attempt();
    const [first] = form.problemsIn();
    if (first) {
      setTab(TAB_OF[first]);
      return;
    }
    const name = settings.name.trim();
    const send = editing
      ? { ...updatePipeline(pipeline, updatePipelineBody(settings)), success: `Pipeline "${name}" updated.` }
      : { ...createPipeline(form.pipelineList, createPipelineBody(settings)), success: `Pipeline "${name}" added.` };
    setRefusal(null);
    try {
      await action.mutateAsync({ ...send, errorShownInPlace: true });
      dialog.dismiss();
    } catch (error) {
      setRefusal(error as Error);
    }
  };

  return (
    <Dialog size="L">
      <Heading>{title}</Heading>
      <Divider />
      <Content>
        {refusal ? <ProblemAlert heading={`The pipeline was not ${editing ? 'updated' : 'added'}`} error={refusal} /> : null}
        <Tabs aria-label="Pipeline settings" selectedKey={tab} onSelectionChange={(key) => setTab(key as PipelineTab)}>
          <TabList>
            {tabs.map((key) => (
              <Item key={key}>{TAB_TITLES[key]}</Item>
            ))}
          </TabList>
          <TabPanels>
            {tabs.map((key) => (
              <Item key={key}>
                {key === 'configuration' ? (
                  <ConfigurationTab form={form} chooseKind={production ? 'none' : editing ? 'fixed' : 'editable'} />
                ) : key === 'source' ? (
                  <SourceCodeTab form={form} />
                ) : (
                  <ExperienceAuditTab form={form} />
                )}
              </Item>
            ))}
          </TabPanels>
        </Tabs>
        <CopyCurlMenu
          about={editing ? 'Update' : 'Save'}
          items={[
            {
              label: editing ? 'Update this pipeline' : 'Add this pipeline',
              // Only a complete form makes a request the API would take.
              request:
                form.problemsIn().length > 0
                  ? undefined
                  : actionRequest(
                      editing
                        ? updatePipeline(pipeline, updatePipelineBody(settings))
                        : createPipeline(form.pipelineList, createPipelineBody(settings)),
                    ),
            },
          ]}
        />
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={dialog.dismiss}>
          Cancel
        </Button>
        {next ? (
          <Button variant={editing ? 'secondary' : 'accent'} onPress={onContinue}>
            Continue
          </Button>
        ) : null}
        {editing || !next ? (
          <Button variant="accent" onPress={() => void onSave()} isPending={action.isPending}>
            {editing ? 'Update' : 'Save'}
          </Button>
        ) : null}
      </ButtonGroup>
    </Dialog>
  );
}
