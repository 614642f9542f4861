import { Text } from '@adobe/react-spectrum';
import { useNow } from '../../../api/use-now';
import { durationBetween, formatDuration } from '../../../lib/format';

interface StepDurationProps {
  startedAt: string | undefined;
  finishedAt: string | undefined;
  /** Ticks every second while true (the step runs or waits). */
  live: boolean;
}

/** The grey duration after the status word; a running step's duration counts up every second. */
export function StepDuration({ startedAt, finishedAt, live }: StepDurationProps) {
  const now = useNow(1000, live);
  const ms = durationBetween(startedAt, live ? undefined : finishedAt, now);
  if (ms === undefined || (!live && !finishedAt)) return null;
  return <Text UNSAFE_className="step-duration">{formatDuration(ms)}</Text>;
}
