/**
 * The state of the Add / Edit Pipeline dialog: the settings typed so far, the program's data they
 * are checked against (pipelines, repositories, branches, environments), and each field's problem —
 * shown once the field was changed or the user tried to save.
 */
import { useState } from 'react';
import type { PipelineSettings } from '../../api/pipeline-bodies';
import { findLink, rel } from '../../api/links';
import { useBranches, usePipelines, useProgram, useRepositories } from '../../api/queries';
import { useEnvironments } from '../../api/environments';
import type { Environment, Pipeline } from '../../api/types';
import { branchProblem, pipelineNameProblem } from '../../domain/pipeline-settings';

export type PipelineField = 'name' | 'repositoryId' | 'branch' | 'devEnvironmentId';
export type PipelineTab = 'configuration' | 'source' | 'audit';

export const TAB_OF: Record<PipelineField, PipelineTab> = {
  name: 'configuration',
  repositoryId: 'source',
  branch: 'source',
  devEnvironmentId: 'source',
};

const ofType = (environments: Environment[], type: string) => environments.filter((environment) => environment.type === type);

/**
 * @param initial the settings to start from (a new pipeline's, or the edited pipeline's)
 * @param editing the pipeline being edited (its own name is not a duplicate)
 */
export function usePipelineForm(programId: string, initial: PipelineSettings, editing: Pipeline | undefined) {
  const { program } = useProgram(programId);
  const pipelines = usePipelines(program);
  const repositories = useRepositories(program);
  const environments = useEnvironments(program);
  const [settings, setSettings] = useState(initial);
  const [touched, setTouched] = useState<Set<PipelineField>>(new Set());
  const [attempted, setAttempted] = useState(false);

  const repositoryList = repositories.data?._embedded?.repositories ?? [];
  const environmentList = environments.data?._embedded?.environments ?? [];
  // A program with one repository (or one dev environment) has it chosen already.
  const repositoryId = settings.repositoryId || (repositoryList.length === 1 ? repositoryList[0].id : '');
  const devEnvironments = ofType(environmentList, 'dev');
  const devEnvironmentId = settings.devEnvironmentId || (devEnvironments.length === 1 ? devEnvironments[0].id : undefined);
  const repository = repositoryList.find((r) => r.id === repositoryId);
  const branches = useBranches(repository);
  const branchNames = branches.data?._embedded?.branches?.map((branch) => branch.name);
  const stage = environmentList.find((e) => e.id === settings.stageEnvironmentId) ?? ofType(environmentList, 'stage')[0];

  const effective: PipelineSettings = {
    ...settings,
    repositoryId,
    devEnvironmentId: settings.kind === 'deployment' ? devEnvironmentId : settings.devEnvironmentId,
    // Production: a new pipeline deploys to the program's stage and prod; an edited one keeps its own.
    stageEnvironmentId: settings.stageEnvironmentId ?? stage?.id,
    prodEnvironmentId: settings.prodEnvironmentId ?? ofType(environmentList, 'prod')[0]?.id,
  };

  const otherNames = (pipelines.data?._embedded?.pipelines ?? []).filter((p) => p.id !== editing?.id).map((p) => p.name);
  const problems: Partial<Record<PipelineField, string>> = {
    name: pipelineNameProblem(settings.name, otherNames),
    repositoryId: repositoryId ? undefined : 'Choose a repository.',
    branch: branchProblem(settings.branch, branchNames, repository?.repo),
    devEnvironmentId: settings.kind === 'deployment' && !effective.devEnvironmentId ? 'Choose a development environment.' : undefined,
  };

  const update = (patch: Partial<PipelineSettings>, field?: PipelineField) => {
    setSettings((current) => ({ ...current, ...patch }));
    if (field) setTouched((current) => new Set(current).add(field));
  };

  /** The problem to show on `field` now (after it was changed, or once the user tried to save). */
  const errorOf = (field: PipelineField) => (attempted || touched.has(field) ? problems[field] : undefined);

  /** The fields of `tab` with a problem (all of them shown from now on). */
  const problemsIn = (tab?: PipelineTab) =>
    (Object.keys(problems) as PipelineField[]).filter((field) => problems[field] && (tab === undefined || TAB_OF[field] === tab));

  return {
    settings: effective,
    update,
    errorOf,
    problemsIn,
    /** Show every problem of `fields` (Continue and Save). */
    reveal: (fields: PipelineField[]) => setTouched((current) => new Set([...current, ...fields])),
    attempt: () => setAttempted(true),
    pipelineList: pipelines.data,
    repositories: { items: repositoryList, isLoading: repositories.isPending && repositories.fetchStatus !== 'idle' },
    branches: { names: branchNames ?? [], isLoading: branches.isPending && branches.fetchStatus !== 'idle' },
    devEnvironments,
    /** The stage publish service's URL, where the Experience Audit opens the pages. */
    stagePublishUrl: findLink(stage, rel.publish)?.href,
  };
}

export type PipelineForm = ReturnType<typeof usePipelineForm>;
