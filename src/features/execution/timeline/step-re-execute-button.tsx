import { Text } from '@adobe/react-spectrum';
import { useNavigate, useParams } from 'react-router';
import { findLink, rel } from '../../../api/links';
import type { StepState } from '../../../api/types';
import { useStepAction } from '../../../api/use-step-action';
import { paths } from '../../../lib/paths';
import { HoldConfirmButton } from '../holds/hold-confirm-button';

/**
 * "Re-execute" on the production deploy step: offered exactly when the step state carries the
 * `reExecute` link. The 201 body is the new execution; the console opens it.
 */
export function StepReExecuteButton({ step }: { step: StepState }) {
  const link = findLink(step, rel.reExecute);
  const action = useStepAction(`${step.id}:${step.status}:${step.updatedAt ?? ''}:${Object.keys(step._links ?? {}).join(',')}`);
  const navigate = useNavigate();
  const params = useParams();
  if (!link) return null;
  return (
    <HoldConfirmButton
      label="Re-execute"
      title="Re-execute the production deployment?"
      confirmLabel="Re-execute"
      isDisabled={action.isBusy}
      isPending={action.isPending}
      onConfirm={() =>
        action.send({ name: 're-execute', link, success: 'A re-execution of the production deployment started.' }, (created) => {
          const programId = created?.programId ?? step.programId ?? params.programId;
          const pipelineId = created?.pipelineId ?? step.pipelineId ?? params.pipelineId;
          if (created?.id && programId && pipelineId) void navigate(paths.execution.href(programId, pipelineId, created.id));
        })
      }
    >
      <Text>A new execution validates, reuses this execution&apos;s build artifacts and deploys them to production again.</Text>
    </HoldConfirmButton>
  );
}
