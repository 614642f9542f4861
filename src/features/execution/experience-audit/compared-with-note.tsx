/** Which run the per-page changes compare with, or that there is none (changes are then N/A). */
import { Text } from '@adobe/react-spectrum';
import type { AuditRun } from '../../../api/audit-history';

export function ComparedWithNote({ previousRun }: { previousRun: AuditRun | undefined }) {
  return (
    <Text UNSAFE_className="audit-note">
      {previousRun
        ? `Changes compare each page with execution ${previousRun.execution.id}.`
        : 'No earlier run has audit scores: changes are N/A.'}
    </Text>
  );
}
