import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultTheme, Provider } from '@adobe/react-spectrum';
import { describe, expect, it } from 'vitest';
import { findMatchingLines, splitByQuery, toLines } from './log-search';
import { LOG_LINE_HEIGHT, LogViewer } from './log-viewer';

function bigLog(lines: number): string {
  const out: string[] = [];
  for (let i = 1; i <= lines; i += 1) out.push(i === 150000 ? `line ${i} NEEDLE here` : `line ${i} [INFO] building module ${i % 97}`);
  return `${out.join('\n')}\n`;
}

function show(text: string, live = false) {
  return render(
    <Provider theme={defaultTheme} colorScheme="light">
      <LogViewer text={text} label="Build & Unit Testing log" live={live} height={400} />
    </Provider>,
  );
}

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

  it('offers Follow while the log is live', () => {
    show('one\ntwo\n', true);
    expect(screen.getByRole('switch', { name: 'Follow' })).toBeChecked();
  });
});

describe('log search helpers', () => {
  it('splits lines, finds and highlights case-insensitively', () => {
    expect(toLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(findMatchingLines(['Foo', 'bar', 'FOO foo'], 'foo')).toEqual([0, 2]);
    expect(splitByQuery('xFOOyfoo', 'foo')).toEqual([
      { text: 'x', match: false },
      { text: 'FOO', match: true },
      { text: 'y', match: false },
      { text: 'foo', match: true },
    ]);
  });
});
