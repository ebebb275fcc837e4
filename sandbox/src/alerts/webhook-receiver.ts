import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { type Alert, signBody } from 'shared';

/** One POST the receiver got: the body as sent and whether its signature checked out. */
export interface ReceivedAlert {
  at: string;
  body: unknown;
  /** `valid` when the X-Connector-Signature matched the secret; `missing` without one. */
  signature: 'valid' | 'invalid' | 'missing';
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedAlert[];
  /** Alerts of the json format, in arrival order. */
  alerts(): Alert[];
  /** Answers the next `n` POSTs with `status` (e.g. 503) before accepting again. */
  failNext(n: number, status?: number): void;
  onAlert(listener: (alert: ReceivedAlert) => void): void;
  close(): Promise<void>;
}

function verify(body: string, header: string | undefined, secret: string | undefined) {
  if (!header) return 'missing' as const;
  if (!secret) return 'invalid' as const;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);

  return expected.length === given.length && timingSafeEqual(expected, given) ? 'valid' : 'invalid';
}

/**
 * The sandbox's alert webhook: what a merchant's endpoint (or Slack, or Teams) would be. Keeps
 * every alert it receives, checks the signature with the shared secret, can be told to fail.
 */
export async function startWebhookReceiver(
  options: { secret?: string; port?: number } = {},
): Promise<WebhookReceiver> {
  const received: ReceivedAlert[] = [];
  const listeners: Array<(alert: ReceivedAlert) => void> = [];
  let failures: { left: number; status: number } = { left: 0, status: 503 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST') return void res.writeHead(405).end();
      if (failures.left > 0) {
        failures = { ...failures, left: failures.left - 1 };

        return void res.writeHead(failures.status).end();
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      const header = req.headers['x-connector-signature'];
      const entry: ReceivedAlert = {
        at: new Date().toISOString(),
        body: JSON.parse(raw) as unknown,
        signature: verify(raw, typeof header === 'string' ? header : undefined, options.secret),
      };
      received.push(entry);
      for (const listener of listeners) listener(entry);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/alerts`,
    received,
    alerts: () =>
      received
        .map((r) => r.body as Alert)
        .filter((b) => b.schema === 'ct-linnworks-connector.alert/1'),
    failNext: (n, status = 503) => {
      failures = { left: n, status };
    },
    onAlert: (listener) => void listeners.push(listener),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
