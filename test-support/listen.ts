/** An in-process HTTP server for a test: listening on a free port of 127.0.0.1, closed by the cleanup it registers. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free port; pushes its closing onto `cleanups`; resolves with its origin (`http://127.0.0.1:<port>`). */
export async function listenForTest(server: Server, cleanups: (() => void | Promise<void>)[]): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
