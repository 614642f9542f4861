/**
 * ANSI escape codes in log lines. Colours and bold (SGR) become styled parts; every other escape
 * sequence (cursor moves, OSC titles) is dropped. The result is plain text plus styles, rendered
 * as React text, never as HTML.
 */

/** CSI sequences (`ESC [ … final`), OSC sequences (`ESC ] … BEL|ST`) and two-byte escapes. */
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[([0-9;]*)m/y;

export interface AnsiStyle {
  /** 0–7 normal, 8–15 bright (30–37 / 90–97). */
  color?: number;
  bold?: boolean;
}

export interface LinePart extends AnsiStyle {
  text: string;
  match?: boolean;
}

export function hasAnsi(line: string): boolean {
  return line.includes('\x1b');
}

/** The line as a reader sees it: escape codes removed. */
export function stripAnsi(line: string): string {
  return hasAnsi(line) ? line.replace(ESCAPES, '') : line;
}

function applySgr(style: AnsiStyle, params: string): AnsiStyle {
  const codes = params === '' ? [0] : params.split(';').map(Number);
  let next = { ...style };
  for (let i = 0; i < codes.length; i += 1) {
    const code = codes[i];
    if (code === 0) next = {};
    else if (code === 1) next.bold = true;
    else if (code === 22) next.bold = false;
    else if (code >= 30 && code <= 37) next.color = code - 30;
    else if (code >= 90 && code <= 97) next.color = code - 90 + 8;
    else if (code === 39) next.color = undefined;
    else if (code === 38 || code === 48) i += codes[i + 1] === 5 ? 2 : 4; // 256-colour / RGB: skipped
  }
  return next;
}

/** The line's text in styled parts (escape codes gone). */
export function ansiParts(line: string): LinePart[] {
  if (!hasAnsi(line)) return [{ text: line }];
  const parts: LinePart[] = [];
  let style: AnsiStyle = {};
  let from = 0;
  ESCAPES.lastIndex = 0;
  for (let m = ESCAPES.exec(line); m; m = ESCAPES.exec(line)) {
    if (m.index > from) parts.push({ text: line.slice(from, m.index), ...style });
    SGR.lastIndex = m.index;
    const sgr = SGR.exec(line);
    if (sgr && sgr[0].length === m[0].length) style = applySgr(style, sgr[1]);
    from = m.index + m[0].length;
  }
  if (from < line.length) parts.push({ text: line.slice(from), ...style });
  return parts;
}

/** Styled parts cut further where `query` matches (case-insensitive), for highlighting. */
export function highlightParts(parts: LinePart[], query: string): LinePart[] {
  if (!query) return parts;
  const plain = parts.map((p) => p.text).join('');
  const lower = plain.toLowerCase();
  const needle = query.toLowerCase();
  const ranges: [number, number][] = [];
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  if (!ranges.length) return parts;
  const out: LinePart[] = [];
  let offset = 0;
  let r = 0;
  for (const part of parts) {
    const end = offset + part.text.length;
    let pos = offset;
    while (pos < end) {
      while (r < ranges.length && ranges[r][1] <= pos) r += 1;
      const range = ranges[r];
      const inMatch = range !== undefined && range[0] <= pos;
      const stop = Math.min(end, range === undefined ? end : inMatch ? range[1] : range[0]);
      out.push({ ...part, text: plain.slice(pos, stop), match: inMatch || undefined });
      pos = stop;
    }
    offset = end;
  }
  return out;
}
