/**
 * Step artifacts: the step's `pipeline/artifacts` link lists them; an artifact's `self` link
 * answers `{redirect}`; the redirect is the file. Ended steps' artifacts never change, so they are
 * read once and kept (no polling).
 */
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { ApiError, getJson, getText } from './client';
import { findLink, rel } from './links';
import { queryKeys } from './query-keys';
import type { Artifact, ArtifactList, Redirect, StepState } from './types';

/** Artifact types the simulator serves (the API's type strings). */
export type ArtifactType = 'SCAN_ISSUES' | 'CONTENT_AUDIT_RESULTS' | 'UI_TEST_RESULTS';

/** The text of one artifact: its redirect, then the file. */
export async function fetchArtifactText(artifact: Artifact, signal?: AbortSignal): Promise<string> {
  const self = findLink(artifact, rel.self);
  if (!self) throw new ApiError(0, 'Missing link', 'The artifact has no "self" link.', 'link');
  const { redirect } = await getJson<Redirect>(self.href, signal);
  const answer = await getText(redirect, 0, signal);
  return answer?.text ?? '';
}

/** The step's first artifact of `type`, read through the step's artifacts link. */
export async function fetchStepArtifactText(step: StepState, type: ArtifactType, signal?: AbortSignal): Promise<string | undefined> {
  const href = findLink(step, rel.artifacts)?.href;
  if (!href) return undefined;
  const list = await getJson<ArtifactList>(href, signal);
  const artifact = list._embedded?.artifacts?.find((a) => a.type === type);
  return artifact ? fetchArtifactText(artifact, signal) : undefined;
}

/** The step's artifact of `type` parsed as JSON (undefined when the step has none); an ended step's artifact never changes. */
function stepArtifactJsonQueryOptions<T>(step: StepState | undefined, type: ArtifactType, enabled: boolean) {
  const href = findLink(step, rel.artifacts)?.href;
  return queryOptions({
    queryKey: queryKeys.stepArtifact(href, type),
    queryFn: async ({ signal }): Promise<T | undefined> => {
      const text = await fetchStepArtifactText(step as StepState, type, signal);
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new ApiError(200, 'Unreadable artifact', `The ${type} artifact is not valid JSON.`, 'parse');
      }
    },
    enabled: enabled && href !== undefined,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/**
 * The step's artifact of `type` parsed as JSON (undefined when the step has none). Read only when
 * `enabled` and the step offers an artifacts link.
 */
export function useStepArtifactJson<T>(step: StepState | undefined, type: ArtifactType, enabled = true) {
  return useQuery(stepArtifactJsonQueryOptions<T>(step, type, enabled));
}

/** The artifact of `type` of each step, as `useStepArtifactJson` reads one. */
export function useStepsArtifactJson<T>(steps: StepState[], type: ArtifactType) {
  return useQueries({ queries: steps.map((step) => stepArtifactJsonQueryOptions<T>(step, type, true)) });
}
