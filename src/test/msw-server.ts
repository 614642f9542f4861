/**
 * An MSW node server with no handlers: each test adds its own with `server.use(...)`. Any request
 * no handler answers fails the test; handlers and mocks are reset after each test.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';

export function setupEmptyServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    vi.restoreAllMocks();
  });
  afterAll(() => server.close());
  return server;
}
