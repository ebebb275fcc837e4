import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A reverse proxy in front of the commercetools test server that counts API calls (OAuth
 * token requests excluded), so tests can hold the flow to its call budget.
 */
export interface CountingProxy {
  url: string;
  calls(): string[];
  /**
   * Answers the next request that `matches` (method, path, body) with commercetools' 400
   * instead of passing it on: a write that never happens, as when the process dies there.
   */
  failOnce(matches: (method: string, path: string, body: string) => boolean): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  let calls: string[] = [];
  const faults: Array<(method: string, path: string, body: string) => boolean> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      if (!path.startsWith('/oauth')) calls.push(`${req.method} ${path.split('?')[0]}`);
      const fault = faults.findIndex((m) =>
        m(req.method ?? 'GET', path, Buffer.concat(chunks).toString('utf8')),
      );
      if (fault >= 0) {
        faults.splice(fault, 1);
        const message = 'injected by the counting proxy';
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ statusCode: 400, message, errors: [{ code: 'InvalidInput', message }] }),
        );

        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      }
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      fetch(`${target}${path}`, { method: req.method, headers, body })
        .then(async (upstream) => {
          const text = Buffer.from(await upstream.arrayBuffer());
          res.writeHead(upstream.status, {
            'content-type': upstream.headers.get('content-type') ?? 'application/json',
          });
          res.end(text);
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => [...calls],
    failOnce: (matches) => {
      faults.push(matches);
    },
    reset: () => {
      calls = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
