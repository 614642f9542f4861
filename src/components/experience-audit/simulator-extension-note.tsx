/** The label of every view built from the per-page artifact: it is the simulator's, not Adobe's API. */
import { Text } from '@adobe/react-spectrum';

export function SimulatorExtensionNote() {
  return (
    <Text UNSAFE_className="audit-extension-note">
      Per-page scores: simulator extension (Adobe&apos;s API gives only the median scores).
    </Text>
  );
}
