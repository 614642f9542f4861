import { Flex, Text } from '@adobe/react-spectrum';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import { formatFinishTime } from '../../../lib/format';

interface DeployActivity {
  id?: string | number;
  stepAction?: string;
  instanceId?: string;
  updated?: string;
  description?: string;
}

/** Parses `details.deploymentStepDescription` (a JSON string array); anything unreadable is ignored. */
export function parseDeployActivities(value: unknown): DeployActivity[] {
  if (typeof value !== 'string' || !value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is DeployActivity => !!item && typeof item === 'object') : [];
  } catch {
    return [];
  }
}

/** The rolling production deploy so far: author first, then each dispatcher/publish pair. */
export function StepDeployProgress({ description }: { description: unknown }) {
  const activities = parseDeployActivities(description);
  if (activities.length === 0) return null;
  return (
    <ol className="step-deploy-progress" aria-label="Deployment progress">
      {activities.map((activity, index) => (
        <li key={`${activity.id ?? index}`}>
          <Flex alignItems="center" gap="size-75">
            <CheckmarkCircle size="XS" color="positive" aria-hidden />
            <Text>
              {activity.description ?? [activity.stepAction, activity.instanceId].filter(Boolean).join(' ')}
              {activity.instanceId && activity.description && !activity.description.includes(activity.instanceId)
                ? ` (${activity.instanceId})`
                : ''}
            </Text>
            {activity.updated ? <Text UNSAFE_className="step-deploy-time">{formatFinishTime(activity.updated)}</Text> : null}
          </Flex>
        </li>
      ))}
    </ol>
  );
}
