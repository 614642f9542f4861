/**
 * Experience Audit results in the contentAudit step: the median scores of this run in four tiles
 * with their change from the previous run, the pages that could not be audited, "View slowest
 * pages" and "View full report" (per-page scores from the simulator's results artifact), and the
 * score trend behind a disclosure. The audit is informational: nothing here blocks anything.
 */
import { ActionButton, Button, DialogContainer, Disclosure, DisclosurePanel, DisclosureTitle, Flex, Text } from '@adobe/react-spectrum';
import { lazy, Suspense, useState } from 'react';
import { findLink, rel } from '../../../api/links';
import type { StepState } from '../../../api/types';
import { QueryState } from '../../../components/query-state';
import { hasScores } from '../../../domain/experience-audit';
import { AuditTiles } from './audit-tiles';
import { AuditTrend } from './audit-trend';
import { FailedPagesDisclosure } from './failed-pages-disclosure';
import { useAuditComparison } from './use-audit-comparison';
import { useAuditResults } from './use-audit-results';
import './experience-audit.css';

// The per-page dialogs (tables, device switch) load when one is opened, not with the execution page.
const SlowestPagesDialog = lazy(() => import('./slowest-pages-dialog').then((m) => ({ default: m.SlowestPagesDialog })));
const FullReportDialog = lazy(() => import('./full-report-dialog').then((m) => ({ default: m.FullReportDialog })));

export function ExperienceAudit({ step }: { step: StepState }) {
  const audit = useAuditComparison(step);
  const results = useAuditResults(step, audit.scored);
  const [dialog, setDialog] = useState<'slowest' | 'full' | null>(null);
  const [trendOpen, setTrendOpen] = useState(false);
  if (step.status === 'RUNNING') return <Text UNSAFE_className="audit-note">The scores appear here when the audit has finished.</Text>;
  if (!audit.scored) return null;
  const pageCount = results.results?.pages.length;
  const hasPages = findLink(step, rel.artifacts) !== undefined;
  const pipeline = audit.context?.pipeline;
  return (
    <div className="experience-audit">
      <QueryState what="the experience audit scores" isPending={audit.isPending} error={audit.error} onRetry={audit.retry}>
        {hasScores(audit.scores) ? (
          <Flex direction="column" gap="size-100">
            <Text UNSAFE_className="audit-note">
              {pageCount === undefined
                ? 'Median scores of the audited pages (mobile)'
                : `Median scores of ${pageCount} audited ${pageCount === 1 ? 'page' : 'pages'} (mobile)`}
            </Text>
            <AuditTiles current={audit.scores} previous={audit.previous} compared={audit.compared} />
            {audit.comparisonError ? (
              <Flex alignItems="center" gap="size-100" wrap>
                <div role="status">
                  <Text>Could not read the previous run&apos;s scores, so no change is shown.</Text>
                </div>
                <ActionButton isQuiet onPress={audit.retryComparison}>
                  Retry
                </ActionButton>
              </Flex>
            ) : null}
            <FailedPagesDisclosure pages={results.results?.failedPages ?? []} />
            {hasPages ? (
              <Flex gap="size-100" wrap>
                <Button variant="secondary" onPress={() => setDialog('slowest')}>
                  View slowest pages
                </Button>
                <Button variant="secondary" onPress={() => setDialog('full')}>
                  View full report
                </Button>
              </Flex>
            ) : null}
            {pipeline ? (
              <Disclosure isQuiet isExpanded={trendOpen} onExpandedChange={setTrendOpen} UNSAFE_className="audit-trend-disclosure">
                <DisclosureTitle level={4}>Score trend</DisclosureTitle>
                <DisclosurePanel>
                  {trendOpen ? (
                    <AuditTrend
                      step={step}
                      scores={audit.scores}
                      runs={audit.runs}
                      programId={pipeline.programId ?? step.programId ?? ''}
                      pipelineId={pipeline.id}
                    />
                  ) : null}
                </DisclosurePanel>
              </Disclosure>
            ) : null}
          </Flex>
        ) : (
          <Text UNSAFE_className="audit-note">This audit has no scores.</Text>
        )}
      </QueryState>
      <DialogContainer onDismiss={() => setDialog(null)}>
        {dialog ? (
          <Suspense fallback={null}>
            {dialog === 'slowest' ? (
              <SlowestPagesDialog step={step} previousRun={audit.previousRun} onViewFullReport={() => setDialog('full')} />
            ) : (
              <FullReportDialog step={step} previousRun={audit.previousRun} />
            )}
          </Suspense>
        ) : null}
      </DialogContainer>
    </div>
  );
}
