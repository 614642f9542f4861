/**
 * A windowed log view: lines have a fixed height and only the visible ones (plus a margin) are in
 * the DOM, so a 200,000-line log stays a few dozen nodes. Text only, with line numbers; a find box
 * highlights matches (n/m, next/previous) and "Follow" keeps the newest line in view while the
 * step runs.
 */
import { ActionButton, Flex, SearchField, Switch, Text, View } from '@adobe/react-spectrum';
import ChevronDown from '@spectrum-icons/workflow/ChevronDown';
import ChevronUp from '@spectrum-icons/workflow/ChevronUp';
import { useEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import { findMatchingLines, splitByQuery, toLines } from './log-search';

export const LOG_LINE_HEIGHT = 20;
/** Lines rendered above and below the visible window. */
export const LOG_OVERSCAN = 30;

interface LogViewerProps {
  text: string;
  /** What the log is of ("Build & Unit Testing log"), for the region's label. */
  label: string;
  /** True while new lines can arrive (offers Follow). */
  live?: boolean;
  /** Height of the scrolling area in px. */
  height?: number;
}

export function LogViewer({ text, label, live = false, height = 480 }: LogViewerProps) {
  const lines = useMemo(() => toLines(text), [text]);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [follow, setFollow] = useState(live);
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const matches = useMemo(() => findMatchingLines(lines, query), [lines, query]);
  const current = matches.length ? Math.min(matchIndex, matches.length - 1) : -1;
  const currentLine = current >= 0 ? matches[current] : -1;

  const total = lines.length * LOG_LINE_HEIGHT;
  const scrollTo = (top: number) => {
    const bounded = Math.max(0, Math.min(top, Math.max(0, total - height)));
    if (scroller.current) scroller.current.scrollTop = bounded;
    setScrollTop(bounded);
  };

  // Follow: keep the newest line in view as lines arrive.
  useEffect(() => {
    if (!follow || !scroller.current) return;
    const bottom = Math.max(0, lines.length * LOG_LINE_HEIGHT - height);
    scroller.current.scrollTop = bottom;
  }, [follow, lines.length, height]);

  const jumpTo = (index: number) => {
    if (!matches.length) return;
    const next = (index + matches.length) % matches.length;
    setMatchIndex(next);
    setFollow(false);
    scrollTo(matches[next] * LOG_LINE_HEIGHT - height / 2 + LOG_LINE_HEIGHT / 2);
  };

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop;
    setScrollTop(top);
    // Scrolling up away from the end stops following.
    if (follow && top + height < total - LOG_LINE_HEIGHT * 2) setFollow(false);
  };

  const first = Math.max(0, Math.floor(scrollTop / LOG_LINE_HEIGHT) - LOG_OVERSCAN);
  const last = Math.min(lines.length, Math.ceil((scrollTop + height) / LOG_LINE_HEIGHT) + LOG_OVERSCAN);
  const gutter = `${String(lines.length).length + 1}ch`;
  const rows = [];
  for (let i = first; i < last; i += 1) {
    rows.push(
      <div
        key={i}
        className={`log-line${i === currentLine ? ' log-line--current' : ''}`}
        data-line={i + 1}
        aria-current={i === currentLine ? 'true' : undefined}
        style={{ position: 'absolute', top: i * LOG_LINE_HEIGHT, left: 0, right: 0, height: LOG_LINE_HEIGHT, lineHeight: `${LOG_LINE_HEIGHT}px`, whiteSpace: 'pre', background: i === currentLine ? 'var(--spectrum-global-color-yellow-200, #fff3b0)' : undefined }}
      >
        <span className="log-line-number" aria-hidden style={{ display: 'inline-block', width: gutter, textAlign: 'right', paddingRight: '1ch', opacity: 0.6, userSelect: 'none' }}>
          {i + 1}
        </span>
        {query
          ? splitByQuery(lines[i], query).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))
          : lines[i]}
      </div>,
    );
  }

  return (
    <Flex direction="column" gap="size-100" UNSAFE_className="log-viewer">
      <Flex alignItems="end" gap="size-100" wrap>
        <SearchField
          label="Find in log"
          value={query}
          onChange={(value) => {
            setQuery(value);
            setMatchIndex(0);
          }}
          onSubmit={() => jumpTo(current + 1)}
          width="size-3600"
        />
        <ActionButton aria-label="Previous match" isDisabled={!matches.length} onPress={() => jumpTo(current - 1)}>
          <ChevronUp />
        </ActionButton>
        <ActionButton aria-label="Next match" isDisabled={!matches.length} onPress={() => jumpTo(current + 1)}>
          <ChevronDown />
        </ActionButton>
        <Text UNSAFE_className="log-match-count">
          <span aria-live="polite">{query ? (matches.length ? `${current + 1}/${matches.length}` : 'No matches') : ''}</span>
        </Text>
        {live ? (
          <Switch isSelected={follow} onChange={setFollow} marginStart="auto">
            Follow
          </Switch>
        ) : null}
      </Flex>
      <View borderWidth="thin" borderColor="default" borderRadius="small">
        <div
          ref={scroller}
          role="region"
          aria-label={`${label} (${lines.length} lines)`}
          tabIndex={0}
          onScroll={onScroll}
          className="log-viewer-scroller"
          style={{ height, overflow: 'auto', position: 'relative', fontFamily: 'var(--spectrum-alias-body-text-font-family-code, monospace)', fontSize: 12 }}
        >
          <div style={{ height: total, position: 'relative', minWidth: '100%' }}>{rows}</div>
          {lines.length === 0 ? <Text UNSAFE_style={{ padding: 8, display: 'block' }}>The log is empty.</Text> : null}
        </div>
      </View>
    </Flex>
  );
}
