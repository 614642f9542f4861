/** Find-in-log helpers (pure, so they are cheap to test and reuse). */
import { stripAnsi } from './ansi';

/** Indices of the lines whose text (ANSI codes removed) contains `query` (case-insensitive). */
export function findMatchingLines(lines: string[], query: string): number[] {
  const needle = query.toLowerCase();
  if (!needle) return [];
  const result: number[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (stripAnsi(lines[i]).toLowerCase().includes(needle)) result.push(i);
  }
  return result;
}

/** Log text as lines (a trailing newline does not make an empty last line). */
export function toLines(text: string): string[] {
  if (!text) return [];
  // A plain split is several times faster than a regex split on a 15 MB log.
  const lines = text.includes('\r') ? text.split(/\r?\n/) : text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The lines of `text` when it is `previous` (already split into `previousLines`) plus more: only
 * the new part (and the unfinished last line) is split again, and already-split lines are kept.
 */
export function extendLines(previous: string, previousLines: string[], text: string): string[] {
  if (!previous || text.length < previous.length || !text.startsWith(previous)) return toLines(text);
  if (text.length === previous.length) return previousLines;
  if (previous.endsWith('\n')) return previousLines.concat(toLines(text.slice(previous.length)));
  const lastStart = previous.lastIndexOf('\n') + 1;
  return previousLines.slice(0, previousLines.length - 1).concat(toLines(text.slice(lastStart)));
}
