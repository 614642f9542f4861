import { Text } from '@adobe/react-spectrum';
import { useNavigate, useParams } from 'react-router';
import { reExecute } from '../../../api/actions';
import type { StepState } from '../../../api/types';
import { stepStateKey, useStepAction } from '../../../api/use-step-action';
import { paths } from '../../../lib/paths';
import { HoldDecisionButton } from '../holds/hold-decision-button';

/**
 * "Re-execute" on the production deploy step: offered exactly when the step state carries the
 * `reExecute` link. The 201 body is the new execution; the console opens it.
 */
export function StepReExecuteButton({ step }: { step: StepState }) {
  const action = useStepAction(stepStateKey(step));
  const navigate = useNavigate();
  const params = useParams();
  return (
    <HoldDecisionButton
      decision={reExecute(step)}
      sender={action}
      label="Re-execute"
      title="Re-execute the production deployment?"
      confirmLabel="Re-execute"
      success="A re-execution of the production deployment started."
      onDone={(created) => {
        const programId = created?.programId ?? step.programId ?? params.programId;
        const pipelineId = created?.pipelineId ?? step.pipelineId ?? params.pipelineId;
        if (created?.id && programId && pipelineId) void navigate(paths.execution.href(programId, pipelineId, created.id));
      }}
    >
      <Text>A new execution validates, reuses this execution&apos;s build artifacts and deploys them to production again.</Text>
    </HoldDecisionButton>
  );
}
