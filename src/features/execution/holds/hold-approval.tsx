import { Flex, Link, Text } from '@adobe/react-spectrum';
import { approve, rejectApproval } from '../../../api/actions';
import { actionRequest } from '../../../api/action-request';
import { CopyCurlMenu } from '../../../components/copy-curl/copy-curl-menu';
import type { StepState } from '../../../api/types';
import { stepStateKey, useStepAction } from '../../../api/use-step-action';
import { DisabledCancel } from './disabled-cancel';
import { HoldDecisionButton } from './hold-decision-button';

/** The 409 answer to Approve / Reject, in words: someone else decided first. */
export const APPROVAL_ALREADY_DECIDED =
  'Already decided: this step was approved or rejected in another session. Showing its current state.';
import { StepMetadata } from '../timeline/step-metadata';

export interface ConsoleLinks {
  author?: string;
  publish?: string;
}

interface HoldApprovalProps {
  step: StepState;
  /** Stage author / publish URLs, when the environments list gave them. */
  consoleLinks?: ConsoleLinks;
}

/** The approval hold: CONSOLE LINKS, then Reject / Approve (each only when its link exists), and under them a disabled Cancel. */
export function HoldApproval({ step, consoleLinks }: HoldApprovalProps) {
  const action = useStepAction(stepStateKey(step));
  const links =
    consoleLinks?.author || consoleLinks?.publish ? (
      <Flex direction="column">
        {consoleLinks.author ? (
          <Link href={consoleLinks.author} target="_blank" rel="noopener noreferrer">
            Link to AEM Author
          </Link>
        ) : null}
        {consoleLinks.publish ? (
          <Link href={consoleLinks.publish} target="_blank" rel="noopener noreferrer">
            Link to AEM Publish
          </Link>
        ) : null}
      </Flex>
    ) : undefined;
  return (
    <Flex direction="column" gap="size-100" UNSAFE_className="hold hold-approval">
      <StepMetadata rows={[{ label: 'Console links', value: links }]} />
      <Flex gap="size-100" wrap>
        <HoldDecisionButton
          decision={rejectApproval(step)}
          sender={action}
          label="Reject"
          title="Reject the deployment to production?"
          confirmLabel="Reject"
          destructive
          success="The deployment to production was rejected."
          alreadyDecided={APPROVAL_ALREADY_DECIDED}
        >
          <Text>The execution will be cancelled and nothing is deployed to production.</Text>
        </HoldDecisionButton>
        <HoldDecisionButton
          decision={approve(step)}
          sender={action}
          label="Approve"
          title="Approve the deployment to production?"
          confirmLabel="Approve"
          success="The deployment to production was approved."
          alreadyDecided={APPROVAL_ALREADY_DECIDED}
        >
          <Text>The execution continues and deploys this build to production.</Text>
        </HoldDecisionButton>
        <CopyCurlMenu
          about="the approval's decisions"
          items={[
            { label: 'Reject', request: actionRequest(rejectApproval(step)) },
            { label: 'Approve', request: actionRequest(approve(step)) },
          ]}
        />
      </Flex>
      <DisabledCancel reason="Reject stops the execution at this step." />
    </Flex>
  );
}
