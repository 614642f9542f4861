/**
 * The Source Code tab: Full Stack Code from a repository (Repository, Git Branch type-ahead), the
 * dev environment a deployment pipeline deploys to, and a production pipeline's holds
 * ("Pause before deploying to Production", "Scheduled").
 */
import { Checkbox, ComboBox, Flex, Heading, Item, Picker, Text, useFilter } from '@adobe/react-spectrum';
import type { PipelineForm } from './use-pipeline-form';

export function SourceCodeTab({ form }: { form: PipelineForm }) {
  const { settings, update, errorOf, repositories, branches, devEnvironments } = form;
  const { contains } = useFilter({ sensitivity: 'base' });
  const shownBranches = branches.names.filter((name) => contains(name, settings.branch));
  const repositoryError = errorOf('repositoryId');
  const branchError = errorOf('branch');
  const environmentError = errorOf('devEnvironmentId');
  return (
    <Flex direction="column" gap="size-200" marginTop="size-200">
      <Heading level={3} margin={0}>
        Full Stack Code
      </Heading>
      <Text UNSAFE_className="muted">Builds the whole project (code, configuration and web tier) from one Git branch.</Text>
      {settings.kind === 'deployment' ? (
        <Picker
          label="Eligible Deployment Environments"
          isRequired
          necessityIndicator="label"
          items={devEnvironments}
          selectedKey={settings.devEnvironmentId ?? null}
          onSelectionChange={(key) => update({ devEnvironmentId: String(key) }, 'devEnvironmentId')}
          validationState={environmentError ? 'invalid' : undefined}
          errorMessage={environmentError}
          width="100%"
        >
          {(environment) => <Item key={environment.id}>{environment.name}</Item>}
        </Picker>
      ) : null}
      <Picker
        label="Repository"
        isRequired
        necessityIndicator="label"
        items={repositories.items}
        isLoading={repositories.isLoading}
        selectedKey={settings.repositoryId || null}
        onSelectionChange={(key) => update({ repositoryId: String(key) }, 'repositoryId')}
        validationState={repositoryError ? 'invalid' : undefined}
        errorMessage={repositoryError}
        width="100%"
      >
        {(repository) => <Item key={repository.id}>{repository.repo}</Item>}
      </Picker>
      <ComboBox
        label="Git Branch"
        isRequired
        necessityIndicator="label"
        allowsCustomValue
        items={shownBranches.map((name) => ({ name }))}
        loadingState={branches.isLoading ? 'loading' : 'idle'}
        inputValue={settings.branch}
        onInputChange={(branch) => {
          if (branch !== settings.branch) update({ branch }, 'branch');
        }}
        onSelectionChange={(key) => {
          if (key !== null) update({ branch: String(key) }, 'branch');
        }}
        validationState={branchError ? 'invalid' : undefined}
        errorMessage={branchError}
        description={settings.repositoryId ? 'Type to find a branch of the repository.' : 'Choose a repository first.'}
        isDisabled={!settings.repositoryId}
        width="100%"
      >
        {(branch) => <Item key={branch.name}>{branch.name}</Item>}
      </ComboBox>
      {settings.kind === 'production' ? (
        <Flex direction="column">
          <Checkbox isSelected={settings.approval} onChange={(approval) => update({ approval })}>
            Pause before deploying to Production
          </Checkbox>
          <Checkbox isSelected={settings.schedule} onChange={(schedule) => update({ schedule })}>
            Scheduled
          </Checkbox>
        </Flex>
      ) : null}
    </Flex>
  );
}
