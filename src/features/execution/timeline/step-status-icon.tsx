import { ProgressCircle } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle';
import CloseCircle from '@spectrum-icons/workflow/CloseCircle';
import Clock from '@spectrum-icons/workflow/Clock';
import HelpOutline from '@spectrum-icons/workflow/HelpOutline';
import PauseCircle from '@spectrum-icons/workflow/PauseCircle';
import RemoveCircle from '@spectrum-icons/workflow/RemoveCircle';
import type { StepIcon } from '../../../domain/step-labels';

/** The icon beside a status word (decorative: the word carries the meaning). */
export function StepStatusIcon({ icon }: { icon: StepIcon }) {
  switch (icon) {
    case 'check':
      return <CheckmarkCircle size="S" color="positive" aria-hidden />;
    case 'alert':
      return <Alert size="S" color="negative" aria-hidden />;
    case 'cancel':
      return <CloseCircle size="S" color="negative" aria-hidden />;
    case 'spinner':
      return <ProgressCircle size="S" isIndeterminate aria-label="Running" aria-hidden UNSAFE_style={{ width: 16, height: 16 }} />;
    case 'waiting':
      return <PauseCircle size="S" color="notice" aria-hidden />;
    case 'scheduled':
      return <Clock size="S" color="informative" aria-hidden />;
    case 'neutral':
      return <RemoveCircle size="S" aria-hidden />;
    case 'pending':
      return <Clock size="S" aria-hidden />;
    default:
      return <HelpOutline size="S" color="notice" aria-hidden />;
  }
}
