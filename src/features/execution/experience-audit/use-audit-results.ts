/** The per-page results of an Experience Audit step (its CONTENT_AUDIT_RESULTS artifact), read defensively. */
import { useMemo } from 'react';
import { useStepArtifactJson } from '../../../api/artifacts';
import type { StepState } from '../../../api/types';
import { readAuditResults, type AuditResults } from '../../../domain/experience-audit-results';

export function useAuditResults(step: StepState | undefined, enabled = true) {
  const query = useStepArtifactJson<unknown>(step, 'CONTENT_AUDIT_RESULTS', enabled && step?.status === 'FINISHED');
  const results: AuditResults | undefined = useMemo(
    () => (query.data === undefined ? undefined : readAuditResults(query.data)),
    [query.data],
  );
  return { results, isLoading: query.isLoading, error: query.error, refetch: () => void query.refetch() };
}
