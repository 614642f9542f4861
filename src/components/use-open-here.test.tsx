/**
 * A panel opened with useOpenHere (the bell's, the account's, the header's More menu) is closed by
 * any navigation, stays closed on Back, and opens on the page a navigation lands on when it was
 * pressed while that page was still rendering.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useOpenHere } from './use-open-here';

function Panel() {
  const [open, setOpen] = useOpenHere();
  return (
    <>
      <button onClick={() => setOpen(true)}>Open the panel</button>
      {open ? <section aria-label="Panel">panel</section> : null}
    </>
  );
}

/** A page that is still rendering until `arrived` resolves (a lazy component). */
const slowPage = (arrived: Promise<string>) => {
  const Page = lazy(async () => {
    const text = await arrived;
    return { default: () => <p>{text}</p> };
  });
  return <Page />;
};

function renderRoutes(arrived: Promise<string> = Promise.resolve('Slow page')) {
  const router = createMemoryRouter([
    {
      path: '/',
      element: (
        <>
          <Panel />
          <Outlet />
        </>
      ),
      children: [
        { index: true, element: <p>Home page</p> },
        { path: 'other', element: <p>Other page</p> },
        { path: 'slow', element: slowPage(arrived) },
      ],
    },
  ]);
  render(<RouterProvider router={router} />);
  return router;
}

const panel = () => screen.queryByRole('region', { name: 'Panel' });

describe('useOpenHere', () => {
  it('any navigation closes the panel, and Back to where it was opened does not open it again', async () => {
    const user = userEvent.setup();
    const router = renderRoutes();
    await user.click(screen.getByRole('button', { name: 'Open the panel' }));
    expect(panel()).toBeInTheDocument();
    await act(() => router.navigate('/other'));
    expect(await screen.findByText('Other page')).toBeInTheDocument();
    expect(panel()).not.toBeInTheDocument();
    await act(() => router.navigate(-1));
    expect(await screen.findByText('Home page')).toBeInTheDocument();
    expect(panel()).not.toBeInTheDocument();
  });

  it('pressed while a navigation is still rendering, it opens on the page that navigation lands on', async () => {
    const user = userEvent.setup();
    let land: (text: string) => void = () => {};
    const router = renderRoutes(new Promise<string>((resolve) => (land = resolve)));
    await act(async () => void router.navigate('/slow'));
    // The router is at /slow; the page on screen is still the one before it.
    expect(router.state.location.pathname).toBe('/slow');
    expect(screen.getByText('Home page')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open the panel' }));
    await act(async () => land('Slow page'));
    expect(await screen.findByText('Slow page')).toBeInTheDocument();
    await waitFor(() => expect(panel()).toBeInTheDocument());
  });
});
