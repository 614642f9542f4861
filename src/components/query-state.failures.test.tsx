/** QueryState's failure states: an error in place with Retry; a failed refresh keeps what was loaded. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultTheme, Provider } from '@adobe/react-spectrum';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { QueryState } from './query-state';

const maintenance = new ApiError(503, 'Service Unavailable', 'Cloud Manager is in maintenance.', 'http');
const show = (ui: ReactElement) => render(<Provider theme={defaultTheme}>{ui}</Provider>);

describe('QueryState failures', () => {
  it('a failed first load replaces the content with the error and Retry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    show(
      <QueryState what="the execution" isPending={false} error={maintenance} onRetry={onRetry}>
        <p>content</p>
      </QueryState>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Cloud Manager is unavailable: could not load the execution');
    expect(screen.queryByText('content')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('a failed refresh keeps the loaded content under a notice that it may be out of date', () => {
    show(
      <QueryState what="execution" isPending={false} error={maintenance} onRetry={() => {}} hasData>
        <p>content</p>
      </QueryState>,
    );
    expect(screen.getByText('content')).toBeInTheDocument();
    const notice = screen.getByRole('alert');
    expect(notice).toHaveTextContent('Cloud Manager is unavailable: could not load the latest execution.');
    expect(notice).toHaveTextContent('Showing what was loaded before; the console keeps trying.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('an error that is not from the API (a bug) still shows its message', () => {
    show(
      <QueryState what="programs" isPending={false} error={new TypeError('x.map is not a function')} onRetry={() => {}}>
        <p>content</p>
      </QueryState>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load programs');
    expect(screen.getByRole('alert')).toHaveTextContent('x.map is not a function');
    expect(screen.queryByRole('button', { name: 'Open Settings' })).not.toBeInTheDocument();
  });
});
