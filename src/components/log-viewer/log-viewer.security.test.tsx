/** Log lines are untrusted text: HTML and script in a log (even inside ANSI colours) are shown as text. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultTheme, Provider } from '@adobe/react-spectrum';
import { describe, expect, it } from 'vitest';
import { LogViewer } from './log-viewer';

const ESC = '\x1b';
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(document.cookie)</script>';

describe('LogViewer with hostile log lines', () => {
  it('shows HTML and script payloads literally, also when coloured and when a search highlights them', async () => {
    const user = userEvent.setup();
    const text = `[INFO] commit message: ${IMG}\n${ESC}[31m[ERROR] ${SCRIPT}${ESC}[0m\nplain line\n`;
    const { container } = render(
      <Provider theme={defaultTheme} colorScheme="light">
        <LogViewer text={text} label="Build log" height={400} />
      </Provider>,
    );
    expect(screen.getByText(`[INFO] commit message: ${IMG}`, { exact: false })).toBeInTheDocument();
    expect(screen.getByText(`[ERROR] ${SCRIPT}`, { exact: false })).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Find in log' }), 'onerror');
    expect(screen.getByText('onerror').tagName).toBe('MARK');
    expect(container.querySelector('img, script')).toBeNull();
    expect(document.querySelector('img[src="x"], script')).toBeNull();
  });
});
