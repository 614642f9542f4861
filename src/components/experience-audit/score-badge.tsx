/**
 * A Lighthouse score with its band: a shape in the band's colour (circle good, square needs
 * improvement, triangle poor — Lighthouse's own shapes), the number, and the band's word, visible
 * or (compact, in tables) for screen readers only. The colour never carries the band alone.
 */
import { VisuallyHidden } from '@adobe/react-spectrum';
import { scoreBand, type ScoreBand } from '../../domain/experience-audit';
import './experience-audit-scores.css';

function BandShape({ band }: { band: ScoreBand }) {
  return (
    <svg className="audit-score__shape" viewBox="0 0 10 10" width="10" height="10" aria-hidden focusable="false">
      {band === 'good' ? (
        <circle cx="5" cy="5" r="5" />
      ) : band === 'average' ? (
        <rect x="0.5" y="0.5" width="9" height="9" />
      ) : (
        <polygon points="5,0 10,10 0,10" />
      )}
    </svg>
  );
}

export function ScoreBadge({ score, compact = false }: { score: number | undefined; compact?: boolean }) {
  if (score === undefined) {
    return (
      <span className="audit-score audit-score--none">
        <span aria-hidden>–</span>
        <VisuallyHidden>No score</VisuallyHidden>
      </span>
    );
  }
  const { band, word } = scoreBand(score);
  return (
    <span className={`audit-score audit-score--${band}${compact ? ' audit-score--compact' : ''}`}>
      <BandShape band={band} />
      <span className="audit-score__value">{score}</span>
      {compact ? <VisuallyHidden>{` (${word})`}</VisuallyHidden> : <span className="audit-score__band">{word}</span>}
    </span>
  );
}
