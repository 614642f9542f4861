/**
 * A score's change from the previous run: "+4" (green), "−7" (red),
 * "No Change" or "N/A" (grey). The sign or word is always written, so the colour is never alone;
 * screen readers hear the change in words ("down 7 from the previous run").
 */
import { Badge, VisuallyHidden } from '@adobe/react-spectrum';
import { changeText, changeWords, type ScoreChange } from '../../../domain/experience-audit';

const VARIANT = { improved: 'positive', regressed: 'negative', unchanged: 'neutral', unknown: 'neutral' } as const;

export function ChangeChip({ change }: { change: ScoreChange }) {
  return (
    <span className={`audit-change audit-change--${change.kind}`}>
      <span aria-hidden>
        <Badge variant={VARIANT[change.kind]}>{changeText(change)}</Badge>
      </span>
      <VisuallyHidden>{changeWords(change)}</VisuallyHidden>
    </span>
  );
}
