import { Flex, Text } from '@adobe/react-spectrum';
import type { StepState } from '../../../api/types';
import { formatFinishTime } from '../../../lib/format';
import { StepDuration } from './step-duration';
import { stepStatusInfo } from '../../../domain/step-labels';
import { StepStatusIcon } from './step-status-icon';

/** Icon + italic status word + (finish time) + duration, as in Cloud Manager's step rows. */
export function StepStatusLine({ step }: { step: StepState }) {
  if (step.status === 'NOT_STARTED') return null;
  const info = stepStatusInfo(step);
  // A scheduled step waits for its date: it shows when, not a ticking duration.
  const live = (step.status === 'RUNNING' && info.icon !== 'scheduled') || step.status === 'ROLLING_BACK';
  // A waiting step shows its expiry instead of a ticking duration.
  const waiting = step.status === 'WAITING';
  const finished = formatFinishTime(step.finishedAt);
  return (
    <Flex alignItems="center" gap="size-75" wrap UNSAFE_className={`step-status step-status--${info.tone}`}>
      <StepStatusIcon icon={info.icon} />
      <Text UNSAFE_className="step-status-word" UNSAFE_style={{ fontStyle: 'italic' }}>
        {info.word}
      </Text>
      {!live && finished ? <Text UNSAFE_className="step-finish-time">({finished})</Text> : null}
      {waiting || info.icon === 'scheduled' ? null : <StepDuration startedAt={step.startedAt} finishedAt={step.finishedAt} live={live} />}
    </Flex>
  );
}
