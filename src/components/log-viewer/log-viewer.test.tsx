import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultTheme, Provider } from '@adobe/react-spectrum';
import { describe, expect, it } from 'vitest';
import { ansiParts, highlightParts, stripAnsi } from './ansi';
import { extendLines, findMatchingLines, toLines } from './log-search';
import { LOG_LINE_HEIGHT, LogViewer } from './log-viewer';

function bigLog(lines: number): string {
  const out: string[] = [];
  for (let i = 1; i <= lines; i += 1) out.push(i === 150000 ? `line ${i} NEEDLE here` : `line ${i} [INFO] building module ${i % 97}`);
  return `${out.join('\n')}\n`;
}

function viewer(text: string, live = false, selectedLine?: number) {
  return (
    <Provider theme={defaultTheme} colorScheme="light">
      <LogViewer text={text} label="Build & Unit Testing log" live={live} height={400} selectedLine={selectedLine} />
    </Provider>
  );
}

function show(text: string, live = false, selectedLine?: number) {
  return render(viewer(text, live, selectedLine));
}

const ESC = '\x1b';

describe('LogViewer', () => {
  it('renders only a window of a 200,000-line log', () => {
    const { container } = show(bigLog(200000));
    const rows = container.querySelectorAll('.log-line');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(300);
    expect(screen.getByRole('region', { name: 'Build & Unit Testing log (200000 lines)' })).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('1line 1 [INFO]');
  });

  it('finds matches, shows n/m and jumps to them', async () => {
    const user = userEvent.setup();
    const { container } = show(bigLog(200000));
    await user.type(screen.getByRole('searchbox', { name: 'Find in log' }), 'needle');
    expect(screen.getByText('1/1')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    const current = container.querySelector('.log-line--current') as HTMLElement;
    expect(current).not.toBeNull();
    expect(current.dataset.line).toBe('150000');
    expect(within(current).getByText('NEEDLE').tagName).toBe('MARK');
    expect(container.querySelectorAll('.log-line').length).toBeLessThan(300);
    const scroller = screen.getByRole('region', { name: /Build & Unit Testing log/ });
    expect(scroller.scrollTop).toBeGreaterThan(149000 * LOG_LINE_HEIGHT);
  });

  it('steps through several matches with next and previous', async () => {
    const user = userEvent.setup();
    const { container } = show('alpha\nbeta ERROR\ngamma\ndelta error\nepsilon Error\n');
    await user.type(screen.getByRole('searchbox', { name: 'Find in log' }), 'error');
    expect(screen.getByText('1/3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByText('2/3')).toBeInTheDocument();
    expect((container.querySelector('.log-line--current') as HTMLElement).dataset.line).toBe('4');
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(screen.getByText('3/3')).toBeInTheDocument();
    expect((container.querySelector('.log-line--current') as HTMLElement).dataset.line).toBe('5');
  });

  it('renders log text as text, never as HTML', () => {
    const { container } = show('<img src=x onerror="alert(1)"> <b>bold</b>\n');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.log-line b')).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)"> <b>bold</b>')).toBeInTheDocument();
  });

  it('shows ANSI colours as styled text and never the raw escape codes', () => {
    const { container } = show(`${ESC}[1;31mERROR${ESC}[0m build failed ${ESC}[32mok${ESC}[39m ${ESC}]0;title${ESC}\\done\n`);
    const line = container.querySelector('.log-line') as HTMLElement;
    expect(line.textContent).toBe('1ERROR build failed ok done');
    expect(line.textContent).not.toContain(ESC);
    const error = within(line).getByText('ERROR');
    expect(error.style.color).toContain('red');
    expect(error.style.fontWeight).toBe('bold');
    expect(within(line).getByText('ok').style.color).toContain('green');
  });

  it('keeps the lines already shown when the log grows (same nodes, appended lines added)', () => {
    const { container, rerender } = show('one\ntwo\nthr', true);
    const firstLine = container.querySelector('[data-line="1"]');
    rerender(viewer('one\ntwo\nthree\nfour\n', true));
    expect(container.querySelector('[data-line="1"]')).toBe(firstLine);
    expect(container.querySelector('[data-line="3"]')).toHaveTextContent('3three');
    expect(container.querySelector('[data-line="4"]')).toHaveTextContent('4four');
    expect(screen.getByRole('region', { name: 'Build & Unit Testing log (4 lines)' })).toBeInTheDocument();
  });

  it('selects a linked line and scrolls it into view', () => {
    const { container } = show(bigLog(200000), false, 123456);
    const selected = container.querySelector('.log-line--selected') as HTMLElement;
    expect(selected.dataset.line).toBe('123456');
    const scroller = screen.getByRole('region', { name: /Build & Unit Testing log/ });
    expect(scroller.scrollTop).toBeGreaterThan(123000 * LOG_LINE_HEIGHT);
    expect(container.querySelectorAll('.log-line').length).toBeLessThan(300);
  });

  it('offers Follow while the log is live', () => {
    show('one\ntwo\n', true);
    expect(screen.getByRole('switch', { name: 'Follow' })).toBeChecked();
  });
});

describe('log search helpers', () => {
  it('splits only the appended text, finishing an unfinished last line', () => {
    const before = 'a\nb\r';
    const lines = toLines(before);
    const after = extendLines(before, lines, `${before}\nc\nd`);
    expect(after).toEqual(['a', 'b', 'c', 'd']);
    expect(extendLines('x\n', ['x'], 'x\ny\n')).toEqual(['x', 'y']);
    expect(extendLines('old\n', ['old'], 'new\n')).toEqual(['new']);
  });

  it('strips and parses ANSI codes, and finds text across colour changes', () => {
    expect(stripAnsi(`${ESC}[33mWARN${ESC}[0m x${ESC}[2K`)).toBe('WARN x');
    expect(ansiParts(`a${ESC}[91mb${ESC}[0mc`)).toEqual([{ text: 'a' }, { text: 'b', color: 9 }, { text: 'c' }]);
    expect(highlightParts(ansiParts(`x${ESC}[31mERR${ESC}[0mOR`), 'error').map((p) => [p.text, Boolean(p.match)])).toEqual([
      ['x', false],
      ['ERR', true],
      ['OR', true],
    ]);
    expect(findMatchingLines([`${ESC}[31mERR${ESC}[0mOR`, '31m'], '31m')).toEqual([1]);
  });

  it('splits lines, finds and highlights case-insensitively', () => {
    expect(toLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(findMatchingLines(['Foo', 'bar', 'FOO foo'], 'foo')).toEqual([0, 2]);
    expect(highlightParts([{ text: 'xFOOyfoo' }], 'foo')).toEqual([
      { text: 'x' },
      { text: 'FOO', match: true },
      { text: 'y' },
      { text: 'foo', match: true },
    ]);
  });
});
