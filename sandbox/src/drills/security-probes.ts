import { adminFor } from '../demo/failure-steps';
import { check, type Story } from '../demo/story';
import type { Stack } from '../stack/stack';

const ROUTES: Array<{ method: 'GET' | 'POST'; path: string; body?: unknown }> = [
  { method: 'GET', path: '/status' },
  { method: 'GET', path: '/failures' },
  { method: 'GET', path: '/failures/some-id' },
  { method: 'POST', path: '/replay', body: { all: true, dryRun: true } },
  { method: 'POST', path: '/reconcile', body: { stock: {} } },
  { method: 'GET', path: '/reconcile/latest' },
  { method: 'GET', path: '/orders/CT-1001' },
  { method: 'POST', path: '/orders/CT-1001/sync', body: { dryRun: true } },
  {
    method: 'POST',
    path: '/failures/discard',
    body: { flow: 'order-sync', reasonCode: 'SKU_UNKNOWN', reason: 'probe', dryRun: true },
  },
  { method: 'GET', path: '/no-such-route' },
];

/** Every sync-admin route but /health refuses missing, malformed, inactive, under-scoped and other-project tokens. */
export async function securityProbes(stack: Stack, story: Story): Promise<void> {
  await story.step(
    'Security probes: every sync-admin route but /health refuses bad tokens',
    async () => {
      const admin = adminFor(stack);
      const project = stack.projectKey;
      const inactive = await admin.token(`manage_orders:${project}`);
      stack.front.revoke(inactive);
      const tokens: Array<[string, string | undefined, number]> = [
        ['missing', undefined, 401],
        ['malformed (Basic)', 'Basic c2FuZGJveDpzYW5kYm94', 401],
        ['malformed (Bearer, no token)', 'Bearer', 401],
        ['unknown token', 'Bearer not-a-real-token', 401],
        ['inactive (revoked)', `Bearer ${inactive}`, 401],
        [
          'under-scoped (view_orders)',
          `Bearer ${await admin.token(`view_orders:${project}`)}`,
          403,
        ],
        ['other project', `Bearer ${await admin.token(`manage_orders:other-shop`)}`, 403],
      ];
      let probes = 0;
      const wrong: string[] = [];
      for (const route of ROUTES) {
        for (const [name, header, expected] of tokens) {
          const res = await admin.call(route.method, route.path, header, route.body);
          probes += 1;
          if (res.status !== expected)
            wrong.push(
              `${route.method} ${route.path} with ${name}: ${res.status} (expected ${expected})`,
            );
        }
      }
      const health = await admin.call('GET', '/health', undefined);
      check(health.status === 200, `/health answered ${health.status} without a token`);
      const ok = await admin.call(
        'GET',
        '/failures',
        `Bearer ${await admin.token(`manage_orders:${project}`)}`,
      );
      check(ok.status === 200, `a valid token got ${ok.status}`);
      check(wrong.length === 0, wrong.slice(0, 6).join('; '));

      return `${probes} probes (${ROUTES.length} routes × ${tokens.length} bad tokens) refused with 401/403; /health open; a valid token accepted`;
    },
  );
}
