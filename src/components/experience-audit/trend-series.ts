/** How each category is drawn in the trend: a colour, a dash pattern and a marker shape, so no line is told by colour alone. */
import type { SummaryCategory } from '../../domain/experience-audit';

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle';

export const TREND_SERIES: Record<SummaryCategory, { dash?: string; marker: MarkerShape }> = {
  performance: { marker: 'circle' },
  accessibility: { dash: '6 3', marker: 'square' },
  'best-practices': { dash: '2 3', marker: 'diamond' },
  seo: { dash: '9 3 2 3', marker: 'triangle' },
};

/** The SVG path of a marker of `size` centred on (x, y). */
export function markerPath(shape: MarkerShape, x: number, y: number, size = 4): string {
  const s = size;
  switch (shape) {
    case 'square':
      return `M${x - s},${y - s}h${2 * s}v${2 * s}h${-2 * s}z`;
    case 'diamond':
      return `M${x},${y - s - 1}l${s + 1},${s + 1}l${-s - 1},${s + 1}l${-s - 1},${-s - 1}z`;
    case 'triangle':
      return `M${x},${y - s - 1}l${s + 1},${2 * s + 1}h${-2 * s - 2}z`;
    default:
      return `M${x - s},${y}a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0`;
  }
}
