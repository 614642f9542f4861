/**
 * A webhook receiver for tests (node:http): answers the registration challenge (or not, as told),
 * records every delivery (headers, raw body) and answers each as told — a status, or never (hang).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  code: string;
  eventId: string;
  signature: string;
  body: string;
  /** The status it was answered with (undefined: left hanging). */
  status?: number;
}

/** How to answer a challenge: echo it as JSON (default), as plain text, with a wrong value, or with a status. */
export type ChallengeAnswer = 'json' | 'plain' | 'wrong' | number;
/** How to answer the n-th delivery (0-based): a status, or 'hang' (never answer). */
export type DeliveryAnswer = (n: number, delivery: Delivery) => number | 'hang';

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Deliveries answered 2xx. */
  acknowledged: () => Delivery[];
  challenges: number;
  setChallenge: (answer: ChallengeAnswer) => void;
  setAnswer: (answer: DeliveryAnswer) => void;
  /** Resolves once `predicate` holds for the deliveries (polled), or rejects after `timeoutMs`. */
  until: (predicate: (deliveries: Delivery[]) => boolean, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
}

export async function startReceiver(path = '/webhook'): Promise<Receiver> {
  let challengeAnswer: ChallengeAnswer = 'json';
  let answer: DeliveryAnswer = () => 200;
  const deliveries: Delivery[] = [];
  const hanging: ServerResponse[] = [];
  let challenges = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (url.pathname !== path) return void res.writeHead(404).end();
      if (req.method === 'GET') {
        challenges += 1;
        const value = url.searchParams.get('challenge') ?? '';
        if (typeof challengeAnswer === 'number') return void res.writeHead(challengeAnswer).end('no');
        if (challengeAnswer === 'plain') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(value);
        const echoed = challengeAnswer === 'wrong' ? `${value}x` : value;
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge: echoed }));
      }
      const delivery: Delivery = {
        code: String(req.headers['x-adobe-event-code'] ?? ''),
        eventId: String(req.headers['x-adobe-event-id'] ?? ''),
        signature: String(req.headers['x-adobe-signature'] ?? ''),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const status = answer(deliveries.length, delivery);
      deliveries.push(delivery);
      if (status === 'hang') {
        hanging.push(res);
        return;
      }
      delivery.status = status;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    deliveries,
    acknowledged: () => deliveries.filter((d) => d.status !== undefined && d.status >= 200 && d.status < 300),
    get challenges() {
      return challenges;
    },
    setChallenge: (value) => {
      challengeAnswer = value;
    },
    setAnswer: (value) => {
      answer = value;
    },
    until: async (predicate, timeoutMs = 20_000) => {
      const end = Date.now() + timeoutMs;
      while (!predicate(deliveries)) {
        if (Date.now() > end)
          throw new Error(`the receiver did not get what was expected within ${timeoutMs} ms (${deliveries.length} deliveries)`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
