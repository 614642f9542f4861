import { Text } from '@adobe/react-spectrum';
import { parseApiTime, formatFinishTime } from '../../../lib/format';
import { HOLD_TIMEOUT_MS } from '../../../domain/step-labels';

/** "Expires on <date>": a waiting step times out 14 days after it started waiting. */
export function HoldExpiry({ waitingSince }: { waitingSince: string | undefined }) {
  const since = parseApiTime(waitingSince);
  if (!since) return null;
  return <Text UNSAFE_className="hold-expiry">Expires on {formatFinishTime(new Date(since.getTime() + HOLD_TIMEOUT_MS))}</Text>;
}
