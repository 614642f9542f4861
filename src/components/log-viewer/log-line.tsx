/** One line of the log viewer: its number (a link to the line when offered) and its text, ANSI colours as styled spans. */
import { memo, type CSSProperties, type MouseEvent } from 'react';
import { ansiParts, hasAnsi, highlightParts, type LinePart } from './ansi';

export const LOG_LINE_HEIGHT = 20;

/** ANSI colours 0–15 in Spectrum's palette (normal, then bright). */
const COLORS = ['gray-900', 'red-700', 'green-700', 'orange-700', 'blue-700', 'magenta-700', 'seafoam-700', 'gray-500'];
const colorOf = (index: number) => `var(--spectrum-global-color-${COLORS[index % 8].replace('700', index >= 8 ? '600' : '700')})`;

interface LogLineProps {
  /** 1-based line number. */
  number: number;
  text: string;
  query: string;
  current: boolean;
  selected: boolean;
  gutter: string;
  href?: string;
  onSelect?: (line: number) => void;
}

function partStyle(part: LinePart): CSSProperties | undefined {
  if (part.color === undefined && !part.bold) return undefined;
  return { color: part.color === undefined ? undefined : colorOf(part.color), fontWeight: part.bold ? 'bold' : undefined };
}

function LineText({ text, query }: { text: string; query: string }) {
  if (!query && !hasAnsi(text)) return <>{text}</>;
  return (
    <>
      {highlightParts(ansiParts(text), query).map((part, index) =>
        part.match ? (
          <mark key={index} style={partStyle(part)}>
            {part.text}
          </mark>
        ) : (
          <span key={index} style={partStyle(part)}>
            {part.text}
          </span>
        ),
      )}
    </>
  );
}

const numberStyle: CSSProperties = {
  display: 'inline-block',
  textAlign: 'right',
  paddingRight: '1ch',
  opacity: 0.6,
  userSelect: 'none',
  color: 'inherit',
  textDecoration: 'none',
};

function LogLineView({ number, text, query, current, selected, gutter, href, onSelect }: LogLineProps) {
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    onSelect?.(number);
  };
  const background = selected
    ? 'var(--spectrum-global-color-blue-200, #d5e6ff)'
    : current
      ? 'var(--spectrum-global-color-yellow-200, #fff3b0)'
      : undefined;
  return (
    <div
      className={`log-line${current ? ' log-line--current' : ''}${selected ? ' log-line--selected' : ''}`}
      role="listitem"
      data-line={number}
      aria-current={current || selected ? 'true' : undefined}
      style={{
        position: 'absolute',
        top: (number - 1) * LOG_LINE_HEIGHT,
        left: 0,
        right: 0,
        height: LOG_LINE_HEIGHT,
        lineHeight: `${LOG_LINE_HEIGHT}px`,
        whiteSpace: 'pre',
        background,
      }}
    >
      {href ? (
        // Mouse shortcut for a link to this line; the keyboard path is the "Go to line" field.
        <a className="log-line-number" href={href} onClick={onClick} tabIndex={-1} aria-hidden style={{ ...numberStyle, width: gutter }}>
          {number}
        </a>
      ) : (
        <span className="log-line-number" aria-hidden style={{ ...numberStyle, width: gutter }}>
          {number}
        </span>
      )}
      <LineText text={text} query={query} />
    </div>
  );
}

/** Memoised: a line whose props did not change (the log grew below it) is neither re-rendered nor remounted. */
export const LogLine = memo(LogLineView);
