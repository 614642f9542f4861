/** One page's score in a category with its change from the same page in the previous run (a table cell). */
import { scoreChange } from './audit-changes';
import { ChangeChip } from './change-chip';
import { ScoreBadge } from './score-badge';

export function PageScore({ score, previous }: { score: number | undefined; previous: number | undefined }) {
  return (
    <span className="audit-page-score">
      <ScoreBadge score={score} compact />
      <ChangeChip change={scoreChange(score, previous)} />
    </span>
  );
}
