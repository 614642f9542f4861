/** One page's score in a category with its change from the same page in the previous run (a table cell). */
import { scoreChange } from '../../../domain/experience-audit';
import { ChangeChip } from './change-chip';
import { ScoreBadge } from '../../../components/experience-audit/score-badge';

export function PageScore({ score, previous }: { score: number | undefined; previous: number | undefined }) {
  return (
    <span className="audit-page-score">
      <ScoreBadge score={score} compact />
      <ChangeChip change={scoreChange(score, previous)} />
    </span>
  );
}
