/**
 * The Pipelines card: at most 3 rows (name, type line, REPO — BRANCH, live status, `...` menu) and
 * the footer: + Add, Show All, { } Access Repo Info, Learn More.
 */
import { ActionButton, DialogContainer, Flex, Link, Text } from '@adobe/react-spectrum';
import Brackets from '@spectrum-icons/workflow/Brackets';
import { useState } from 'react';
import type { PipelineList, Repository } from '../../api/types';
import { paths } from '../../lib/paths';
import { AddPipelineMenu } from '../../components/pipeline-actions/add-pipeline-menu';
import { PipelineActionsMenu } from '../../components/pipeline-actions/pipeline-actions-menu';
import { PipelineDialogHost } from '../../components/pipeline-actions/pipeline-action-dialogs';
import { PipelineStatusWithDetails } from '../../components/popovers/execution-popover';
import { pipelineTypeLabel, repoBranchLabel } from '../../domain/pipeline-type';
import { OverviewCard } from './overview-card';
import { AccessRepoInfoDialog } from '../../components/repositories/access-repo-info-dialog';
import { NewTabLink } from '../../components/environment/environment-links';

const LEARN_MORE =
  'https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/cloud-manager/configuring-pipelines/introduction-ci-cd-pipelines';

interface PipelinesCardProps {
  programId: string;
  pipelineList: PipelineList | undefined;
  repositories: Repository[] | undefined;
}

export function PipelinesCard({ programId, pipelineList, repositories }: PipelinesCardProps) {
  const pipelines = pipelineList?._embedded?.pipelines ?? [];
  const [accessOpen, setAccessOpen] = useState(false);
  return (
    <OverviewCard
      id="pipelines"
      title="Pipelines"
      isEmpty={pipelines.length === 0}
      emptyText="No pipelines yet."
      footer={
        <Flex marginTop="size-150" gap="size-200" alignItems="center" wrap>
          <AddPipelineMenu programId={programId} pipelineList={pipelineList} look="footer" />
          <Link href={paths.pipelines.href(programId)}>Show All</Link>
          {repositories?.length ? (
            <ActionButton isQuiet onPress={() => setAccessOpen(true)}>
              <Brackets />
              <Text>Access Repo Info</Text>
            </ActionButton>
          ) : null}
          <NewTabLink href={LEARN_MORE}>Learn More</NewTabLink>
          <DialogContainer onDismiss={() => setAccessOpen(false)}>
            {accessOpen && repositories ? <AccessRepoInfoDialog repositories={repositories} /> : null}
          </DialogContainer>
        </Flex>
      }
    >
      {/* the row menus' dialogs stay open when the rows shown change */}
      <PipelineDialogHost programId={programId} pipelines={pipelines}>
        <table className="card-table">
          <thead>
            <tr>
              <th scope="col">PIPELINES</th>
              <th scope="col">STATUS</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pipelines.slice(0, 3).map((pipeline) => (
              <tr key={pipeline.id}>
                <th scope="row">
                  <div className="strong">{pipeline.name}</div>
                  <div className="muted">{pipelineTypeLabel(pipeline)}</div>
                  <div className="small-caps">{repoBranchLabel(pipeline, repositories)}</div>
                </th>
                <td>
                  <PipelineStatusWithDetails programId={programId} pipeline={pipeline} />
                </td>
                <td className="cell-actions">
                  <PipelineActionsMenu programId={programId} pipeline={pipeline} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </PipelineDialogHost>
    </OverviewCard>
  );
}
