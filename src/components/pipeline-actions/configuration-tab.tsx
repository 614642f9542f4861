/** The Configuration tab: Pipeline Name, (non-production) the kind of pipeline, Deployment Trigger, Important Metric Failures Behavior. */
import { Flex, Radio, RadioGroup, TextField } from '@adobe/react-spectrum';
import type { ImportantMetricFailuresBehavior, PipelineTrigger } from '../../api/pipeline-bodies';
import { BEHAVIOR_LABELS, PIPELINE_NAME_MAX } from '../../domain/pipeline-settings';
import type { PipelineForm } from './use-pipeline-form';

interface ConfigurationTabProps {
  form: PipelineForm;
  /** Non-production: choose Code Quality or Deployment (fixed once the pipeline exists). */
  chooseKind: 'editable' | 'fixed' | 'none';
}

export function ConfigurationTab({ form, chooseKind }: ConfigurationTabProps) {
  const { settings, update, errorOf } = form;
  const nameError = errorOf('name');
  return (
    <Flex direction="column" gap="size-200" marginTop="size-200">
      <TextField
        label="Pipeline Name"
        isRequired
        necessityIndicator="label"
        value={settings.name}
        onChange={(name) => update({ name }, 'name')}
        validationState={nameError ? 'invalid' : undefined}
        errorMessage={nameError}
        description={`At most ${PIPELINE_NAME_MAX} characters, unique in the program.`}
        width="100%"
        autoFocus
      />
      {chooseKind === 'none' ? null : (
        <RadioGroup
          label="Pipeline type"
          value={settings.kind}
          onChange={(kind) => update({ kind: kind === 'deployment' ? 'deployment' : 'codeQuality' })}
          isDisabled={chooseKind === 'fixed'}
        >
          <Radio value="codeQuality">Code Quality Pipeline</Radio>
          <Radio value="deployment">Deployment Pipeline</Radio>
        </RadioGroup>
      )}
      <RadioGroup
        label="Deployment Trigger"
        value={settings.trigger}
        onChange={(trigger) => update({ trigger: trigger as PipelineTrigger })}
        orientation="horizontal"
      >
        <Radio value="MANUAL">Manual</Radio>
        <Radio value="ON_COMMIT">On Git Changes</Radio>
      </RadioGroup>
      <RadioGroup
        label="Important Metric Failures Behavior"
        value={settings.behavior}
        onChange={(behavior) => update({ behavior: behavior as ImportantMetricFailuresBehavior })}
        description={
          settings.kind === 'codeQuality' ? 'A code quality pipeline reports important failures; it never holds for them.' : undefined
        }
      >
        {(Object.keys(BEHAVIOR_LABELS) as ImportantMetricFailuresBehavior[]).map((behavior) => (
          <Radio key={behavior} value={behavior}>
            {BEHAVIOR_LABELS[behavior]}
          </Radio>
        ))}
      </RadioGroup>
    </Flex>
  );
}
