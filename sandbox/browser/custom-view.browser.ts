import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Order } from '@commercetools/platform-sdk';
import type { Browser, FrameLocator, Page } from 'playwright-core';

import { AdminClient } from '../src/demo/admin-client';
import { linnworksOrdersFor } from '../src/demo/checks';
import { placeOrder } from '../src/demo/place-order';
import { startMcHarness, type McHarness } from '../src/mc-harness/mc-harness';
import { stackOrders } from '../src/mc-harness/stack-orders';
import { viewIsBuilt } from '../src/mc-harness/view-html';
import { NEW_ARRIVAL } from '../src/seed/catalog';
import { REPO_ROOT } from '../src/stack/app-process';
import { freePort } from '../src/stack/free-port';
import { type Stack, startStack } from '../src/stack/stack';
import { guardPage, launchChromium } from './chromium';

// Screenshots go to docs/images only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the
// working tree clean; otherwise they are still taken (the page must render) into a temp folder.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.join(REPO_ROOT, 'docs', 'images')
  : mkdtempSync(path.join(os.tmpdir(), 'mc-panel-'));
const sku = NEW_ARRIVAL.variants[0]?.sku ?? '';

interface FailureView {
  id: string;
  reasonCode: string;
  status: string;
  resolvedBy?: string;
  resolution?: string;
  ref: { id: string };
}

/** Failed-resource lines for requests the guard blocked (fonts etc.) are expected noise. */
const isBlockedLoad = (text: string) =>
  /ERR_BLOCKED_BY_CLIENT|ERR_NAME_NOT_RESOLVED|favicon/.test(text);

describe('the Merchant Center custom view, production build, in Chromium against the local stack', () => {
  let stack: Stack;
  let harness: McHarness;
  let browser: Browser;
  let admin: AdminClient;
  let auth: string;
  const orders: Order[] = [];
  const pages: Array<{ errors: string[]; blocked: string[] }> = [];

  beforeAll(async () => {
    if (!viewIsBuilt()) {
      throw new Error('mc-custom-view is not built: run `npm run custom-view:build` at the root');
    }
    const [harnessPort, adminPort] = [await freePort(), await freePort()];
    const adminUrl = `http://127.0.0.1:${adminPort}`;
    stack = await startStack({
      ports: { 'sync-admin': adminPort },
      pumpIntervalMs: 300,
      cronIntervalMs: 0,
      extraEnv: {
        MC_CLOUD_IDENTIFIER: `http://localhost:${harnessPort}`,
        ADMIN_PUBLIC_URL: adminUrl,
      },
    });
    harness = await startMcHarness({
      port: harnessPort,
      projectKey: stack.projectKey,
      syncAdminUrl: adminUrl,
      orders: stackOrders(stack),
    });
    admin = new AdminClient(adminUrl, stack.front.url);
    auth = `Bearer ${await admin.token(`manage_orders:${stack.projectKey}`)}`;
    const put = (typeId: string, resource: object) =>
      stack.ctServer.unsafeAdd(stack.projectKey, typeId, resource);
    orders.push(
      await placeOrder(
        stack.ct,
        {
          orderNumber: 'CT-3001',
          store: 'uk-store',
          customer: 'cust-amelia',
          shipping: 'standard',
          lines: [{ sku, quantity: 1 }],
        },
        put,
      ),
      await placeOrder(
        stack.ct,
        {
          orderNumber: 'CT-3002',
          store: 'uk-store',
          customer: 'cust-priya',
          shipping: 'standard',
          lines: [{ sku: 'BTL-STL-750', quantity: 1 }],
          address: { postalCode: undefined },
        },
        put,
      ),
    );
    await stack.pump.poll();
    await waitUntil('both orders in the failure queue', async () => (await pending()).length === 2);
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await stack?.stop();
  });

  async function pending(): Promise<FailureView[]> {
    const res = await admin.call<{ items: FailureView[] }>(
      'GET',
      '/failures?flow=order-sync&status=pending',
      auth,
    );

    if (res.status !== 200)
      throw new Error(`GET /failures answered ${res.status}: ${JSON.stringify(res.body)}`);

    return res.body.items.filter((f) => orders.some((o) => o.id === f.ref.id));
  }

  async function openPanel(order: Order): Promise<{ page: Page; view: FrameLocator }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    pages.push(await guardPage(page));
    await page.goto(harness.orderPageUrl(order.id));
    await page.getByRole('heading', { name: `Order ${order.orderNumber ?? ''}` }).waitFor();
    await page.getByRole('button', { name: 'Linnworks sync' }).click();
    const view = page.frameLocator('iframe[title="Custom View: Linnworks sync"]');
    await view.getByRole('heading', { name: 'Linnworks sync' }).waitFor({ timeout: 60_000 });

    return { page, view };
  }

  it('shows an order with a failure: plain-language reason, codes, correlation ID, and not in Linnworks', async () => {
    const { page, view } = await openPanel(orders[0] as Order);
    const failure = view.getByRole('article', { name: /Linnworks does not know one of the SKUs/ });
    await failure.waitFor({ timeout: 30_000 });
    await expectVisible(view.getByText('Not sent: waiting for a fix'));
    await expectVisible(failure.getByText('Waiting for a fix'));
    await expectVisible(failure.getByText(/SKU_UNKNOWN · order-sync · 1 attempt/));
    await expectVisible(failure.getByText(/^Correlation ID: /));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'mc-panel-failure.png') });
    await page.close();
  });

  it('replays it (dry run first, then for real): resolved, one Linnworks order, and the order page refreshes', async () => {
    stack.emulator.control.seedItems([
      {
        sku,
        title: NEW_ARRIVAL.name,
        barcode: NEW_ARRIVAL.variants[0]?.ean ?? '',
        stock: { Default: 20 },
      },
    ]);
    const order = orders[0] as Order;
    const { page, view } = await openPanel(order);
    await view.getByRole('button', { name: 'Replay failure SKU_UNKNOWN (dry run first)' }).click();
    await expectVisible(
      view.getByText('Dry run: the replay would succeed. Nothing was changed yet.'),
    );
    expect(linnworksOrdersFor(stack.emulator.control, order)).toHaveLength(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'mc-panel-dry-run.png') });

    await view.getByRole('button', { name: 'Replay now' }).click();
    await expectVisible(view.getByText('Replayed: the failure is resolved.'));
    await expectVisible(view.getByText(/^Order \d+ in Linnworks \(reference CT-3001\)$/));
    await expectVisible(view.getByText('In Linnworks', { exact: true }));
    await expectVisible(view.getByRole('article').getByText('Resolved', { exact: true }));
    expect(linnworksOrdersFor(stack.emulator.control, order)).toHaveLength(1);
    expect((await pending()).map((f) => f.ref.id)).toEqual([orders[1]?.id]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'mc-panel-replayed.png') });

    const refreshes = Number(await page.locator('#order-facts').getAttribute('data-refreshes'));
    await view.getByRole('button', { name: 'Close and refresh the order page' }).click();
    await page.locator('#panel').waitFor({ state: 'hidden' });
    await waitUntil(
      'the order page reloaded its data',
      async () =>
        Number(await page.locator('#order-facts').getAttribute('data-refreshes')) > refreshes,
    );
    await expectVisible(page.getByText(/^[0-9a-f-]{36}$/));
    await page.close();
  });

  it('discards the other (a failure that will not be fixed here) with a reason: kept for audit, no longer pending', async () => {
    const order = orders[1] as Order;
    const { page, view } = await openPanel(order);
    await view.getByRole('button', { name: 'Discard failure ADDRESS_POSTCODE_MISSING' }).click();
    await view.getByRole('button', { name: 'Discard failure', exact: true }).click();
    await expectVisible(view.getByText('Say why, in at least 3 characters.'));
    await view
      .getByLabel(/Why discard it\?/)
      .fill('Customer collects in store; no shipment needed');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'mc-panel-discard.png') });
    await view.getByRole('button', { name: 'Discard failure', exact: true }).click();
    await expectVisible(view.getByText('Discarded. It no longer counts as pending.'));
    await expectVisible(
      view.getByText(/Customer collects in store; no shipment needed by mc-user:mc-user-local/),
    );

    expect(await pending()).toEqual([]);
    const [record] = (
      await admin.call<{ items: FailureView[] }>(
        'GET',
        '/failures?flow=order-sync&status=discarded',
        auth,
      )
    ).body.items.filter((f) => f.ref.id === order.id);
    expect(record).toMatchObject({
      status: 'discarded',
      resolvedBy: 'mc-user:mc-user-local',
      resolution: 'Customer collects in store; no shipment needed',
    });
    const status = await admin.call<{
      checks: Array<{ name: string; details?: { pending?: number } }>;
    }>('GET', '/status', auth);
    expect(status.body.checks.find((c) => c.name === 'failure queue')?.details?.pending).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'mc-panel-discarded.png') });
    await page.close();
  });

  it('met only the shell queries and proxy calls the harness expects, and reached no other host', () => {
    expect(harness.unexpected()).toEqual([]);
    expect(pages.flatMap((p) => p.errors).filter((e) => !isBlockedLoad(e))).toEqual([]);
    expect(pages.length).toBe(3);
  });
});

async function expectVisible(locator: {
  waitFor(o: { timeout: number }): Promise<void>;
}): Promise<void> {
  await locator.waitFor({ timeout: 30_000 });
}

async function waitUntil(
  what: string,
  ok: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting until ${what}`);
}
