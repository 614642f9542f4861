/**
 * A windowed log view: lines have a fixed height and only the visible ones (plus a margin) are in
 * the DOM, so a 200,000-line log stays a few dozen nodes. Lines are memoised and keyed by number:
 * when a running log grows, the lines already shown are neither re-rendered nor remounted, and only
 * the new text is split into lines. Line numbers, ANSI colours as styled text, a find box that
 * highlights matches (n/m, next/previous), "Go to line", links to a line, and "Follow" to keep the
 * newest line in view while the log grows (a running step's log, an environment's followed log).
 */
import { ActionButton, Flex, NumberField, SearchField, Switch, Text, View } from '@adobe/react-spectrum';
import ChevronDown from '@spectrum-icons/workflow/ChevronDown';
import ChevronUp from '@spectrum-icons/workflow/ChevronUp';
import { useEffect, useMemo, useRef, useState, type RefObject, type UIEvent } from 'react';
import { extendLines, findMatchingLines, toLines } from './log-search';
import { LOG_LINE_HEIGHT, LogLine } from './log-line';

export { LOG_LINE_HEIGHT };
/** Lines rendered above and below the visible window. */
export const LOG_OVERSCAN = 30;

interface LogViewerProps {
  text: string;
  /** What the log is of ("Build & Unit Testing log"), for the region's label. */
  label: string;
  /** True while new lines can arrive (offers Follow). */
  live?: boolean;
  /** The label of the switch that keeps the newest line in view ("Follow" unless said). */
  followLabel?: string;
  /** Height of the scrolling area: px, or a CSS length (measured once laid out). */
  height?: number | string;
  /** The selected line (1-based), e.g. from a link to a line: highlighted and scrolled into view. */
  selectedLine?: number;
  /** A line was chosen (its number clicked, or "Go to line"). */
  onSelectLine?: (line: number) => void;
  /** The href of a link to a line (its number becomes that link). */
  lineHref?: (line: number) => string;
}

/** The text's lines, splitting only what was appended since the last render. */
function useLogLines(text: string): string[] {
  const [cache, setCache] = useState(() => ({ text, lines: toLines(text) }));
  if (cache.text === text) return cache.lines;
  const lines = extendLines(cache.text, cache.lines, text);
  setCache({ text, lines });
  return lines;
}

/** The scrolling area's inner height in px, followed as it resizes (`fallback` until measured). */
function useViewHeight(scroller: RefObject<HTMLDivElement | null>, fallback: number): number {
  const [measured, setMeasured] = useState<number | undefined>(undefined);
  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setMeasured(element.clientHeight || undefined));
    observer.observe(element);
    return () => observer.disconnect();
  }, [scroller]);
  return measured ?? fallback;
}

export function LogViewer({
  text,
  label,
  live = false,
  followLabel = 'Follow',
  height = 480,
  selectedLine,
  onSelectLine,
  lineHref,
}: LogViewerProps) {
  const lines = useLogLines(text);
  const scroller = useRef<HTMLDivElement>(null);
  const viewHeight = useViewHeight(scroller, typeof height === 'number' ? height : 480);
  const [scrollTop, setScrollTop] = useState(0);
  const [follow, setFollow] = useState(live && selectedLine === undefined);
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const matches = useMemo(() => findMatchingLines(lines, query), [lines, query]);
  const current = matches.length ? Math.min(matchIndex, matches.length - 1) : -1;
  const currentLine = current >= 0 ? matches[current] : -1;

  const total = lines.length * LOG_LINE_HEIGHT;
  const scrollTo = (top: number) => {
    const bounded = Math.max(0, Math.min(top, Math.max(0, total - viewHeight)));
    if (scroller.current) scroller.current.scrollTop = bounded;
    setScrollTop(bounded);
  };
  const centre = (index: number) => scrollTo(index * LOG_LINE_HEIGHT - viewHeight / 2 + LOG_LINE_HEIGHT / 2);
  const centreRef = useRef(centre);
  centreRef.current = centre;

  // Follow: keep the newest line in view as lines arrive.
  useEffect(() => {
    if (!follow || !scroller.current) return;
    const bottom = Math.max(0, lines.length * LOG_LINE_HEIGHT - viewHeight);
    scroller.current.scrollTop = bottom;
  }, [follow, lines.length, viewHeight]);

  // A selected line (a link to it, or Go to line) is scrolled into view once it exists.
  const selectedExists = selectedLine !== undefined && selectedLine <= lines.length;
  useEffect(() => {
    if (!selectedExists || selectedLine === undefined) return;
    setFollow(false);
    centreRef.current(selectedLine - 1);
  }, [selectedLine, selectedExists]);

  const jumpTo = (index: number) => {
    if (!matches.length) return;
    const next = (index + matches.length) % matches.length;
    setMatchIndex(next);
    setFollow(false);
    centre(matches[next]);
  };

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop;
    setScrollTop(top);
    // Scrolling up away from the end stops following.
    if (follow && top + viewHeight < total - LOG_LINE_HEIGHT * 2) setFollow(false);
  };

  const first = Math.max(0, Math.floor(scrollTop / LOG_LINE_HEIGHT) - LOG_OVERSCAN);
  const last = Math.min(lines.length, Math.ceil((scrollTop + viewHeight) / LOG_LINE_HEIGHT) + LOG_OVERSCAN);
  const gutter = `${String(lines.length).length + 1}ch`;
  const rows = [];
  for (let i = first; i < last; i += 1) {
    rows.push(
      <LogLine
        key={i}
        number={i + 1}
        text={lines[i]}
        query={query}
        current={i === currentLine}
        selected={i + 1 === selectedLine}
        gutter={gutter}
        href={lineHref?.(i + 1)}
        onSelect={onSelectLine}
      />,
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
        {onSelectLine && lines.length > 0 ? (
          <NumberField
            label="Go to line"
            hideStepper
            minValue={1}
            maxValue={lines.length}
            formatOptions={{ useGrouping: false }}
            value={selectedLine ?? NaN}
            onChange={(line) => {
              if (Number.isInteger(line)) onSelectLine(line);
            }}
            width="size-1600"
          />
        ) : null}
        {live ? (
          <Switch isSelected={follow} onChange={setFollow} marginStart="auto">
            {followLabel}
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
          style={{
            height,
            overflow: 'auto',
            position: 'relative',
            fontFamily: 'var(--spectrum-alias-body-text-font-family-code, monospace)',
            fontSize: 12,
          }}
        >
          <div role="list" style={{ height: total, position: 'relative', minWidth: '100%' }}>
            {rows}
          </div>
          {lines.length === 0 ? <Text UNSAFE_style={{ padding: 8, display: 'block' }}>The log is empty.</Text> : null}
        </div>
      </View>
    </Flex>
  );
}
