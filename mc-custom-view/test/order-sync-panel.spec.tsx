import {
  fireEvent,
  screen,
  waitFor,
  within,
} from '@commercetools-frontend/application-shell/test-utils';

import { failure, fakeSyncAdmin, replayAnswer, summary } from './fake-sync-admin';
import { renderPanel } from './render-panel';

const fake = fakeSyncAdmin();
const SUMMARY = '/service/orders/by-id/order-1';

beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  fake.server.resetHandlers();
  fake.reset();
});
afterAll(() => fake.server.close());

describe('the order panel: loading and the order summary', () => {
  it('shows a loading state, then the Linnworks order, status, last sync and fulfilment steps', async () => {
    // The UI Kit's spinner shows only when loading takes a while (1 s): this answer is slow.
    fake.on('GET', SUMMARY, () => ({ status: 200, body: summary(), delayMs: 1500 }));
    renderPanel();

    await screen.findByText('Loading the Linnworks sync of this order…', {}, { timeout: 1400 });
    await screen.findByText('Order 50123 in Linnworks (reference CT-2001)');
    expect(screen.getByText('In Linnworks')).toBeInTheDocument();
    expect(screen.getByText('Nov 20, 2026, 10:05 AM')).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Fulfilment' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '✓ Received (done)',
      '✓ Pick list printed (done)',
      '○ Label printed (not yet)',
      '○ Shipped (not yet)',
    ]);
    expect(screen.getByText(/Here: shipment Pending, 0 parcels/)).toHaveTextContent('lw-picking');
  });

  it('asks sync-admin through the Merchant Center proxy, for the order of the host page, with the user permissions claim', async () => {
    fake.on('GET', SUMMARY, () => ({ status: 200, body: summary() }));
    renderPanel();
    await screen.findByText('In Linnworks');
    expect(fake.calls).toEqual([
      {
        method: 'GET',
        path: SUMMARY,
        body: undefined,
        headers: {
          'accept-version': 'v2',
          'x-forward-to-claims': 'permissions',
          'x-forward-to-audience-policy': 'forward-url-full-path',
        },
      },
    ]);
  });

  it('shows an empty state when nothing waits for a fix', async () => {
    fake.on('GET', SUMMARY, () => ({ status: 200, body: summary() }));
    renderPanel();
    await screen.findByText('No failures: nothing about this order waits for a fix.');
  });

  it('says so when the connector does not know the order (404)', async () => {
    fake.on('GET', SUMMARY, () => ({ status: 404, body: { error: 'NOT_FOUND' } }));
    renderPanel();
    await screen.findByText(/The connector knows nothing of this order yet/);
  });

  it('says Linnworks could not be asked, and still shows the rest', async () => {
    fake.on('GET', SUMMARY, () => ({
      status: 200,
      body: summary({ linnworks: { unavailable: 'Linnworks did not answer in time' } }),
    }));
    renderPanel();
    await screen.findByText('Linnworks could not be asked: Linnworks did not answer in time');
    expect(screen.getByText('In Linnworks')).toBeInTheDocument();
  });

  it('shows the error with its correlation ID, and Try again loads it', async () => {
    let first = true;
    fake.on('GET', SUMMARY, () => {
      if (!first) return { status: 200, body: summary() };
      first = false;

      return { status: 503, body: { error: 'unavailable', correlationId: 'corr-503' } };
    });
    renderPanel();
    await screen.findByText('The connector could not be reached (503). Try again in a moment.');
    expect(screen.getByText('Correlation ID: corr-503')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('In Linnworks');
  });

  it('says the user lacks the view permission when sync-admin refuses (403), without a retry', async () => {
    fake.on('GET', SUMMARY, () => ({
      status: 403,
      body: { error: 'forbidden', correlationId: 'c' },
    }));
    renderPanel();
    await screen.findByText(/You may not see the Linnworks sync/);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('asks to be opened from an order page when the host page is not an order', async () => {
    renderPanel({
      hostUrl: 'https://mc.europe-west1.gcp.commercetools.com/sandbox-shop/customers',
    });
    await screen.findByText('Open this panel from an order page.');
    expect(fake.calls).toEqual([]);
  });

  it('says the deployment lacks SYNC_ADMIN_URL when it is not configured', async () => {
    renderPanel({ syncAdminUrl: null });
    await screen.findByText(/The panel has no sync-admin URL/);
  });
});

describe('the order panel: failures, Replay and Discard', () => {
  const pending = failure();
  const rejected = summary({
    sync: {
      status: 'rejected',
      linnworksReference: 'CT-2001',
      attempts: 1,
      lastSyncAt: '2026-11-20T10:00:00.000Z',
    },
    linnworks: undefined,
    failures: [pending],
  });

  it('explains a failure in plain words, with its codes and correlation ID', async () => {
    fake.on('GET', SUMMARY, () => ({ status: 200, body: rejected }));
    renderPanel();
    const item = await screen.findByRole('article', {
      name: /Linnworks does not know one of the SKUs/,
    });
    expect(within(item).getByText('Waiting for a fix')).toBeInTheDocument();
    expect(within(item).getByText(pending.message)).toBeInTheDocument();
    expect(within(item).getByText('Field: lineItems[0].variant.sku')).toBeInTheDocument();
    expect(
      within(item).getByText(/SKU_UNKNOWN · order-sync · 1 attempt · last/),
    ).toBeInTheDocument();
    expect(within(item).getByText('Correlation ID: corr-first-1')).toBeInTheDocument();
    expect(screen.getByText('Not sent: waiting for a fix')).toBeInTheDocument();
    expect(screen.getByText('Not in Linnworks yet')).toBeInTheDocument();
  });

  it('replays with a dry run first, then for real, reloads the summary and offers to refresh the order page', async () => {
    let resolved = false;
    fake.on('GET', SUMMARY, () => ({
      status: 200,
      body: resolved
        ? summary({
            failures: [
              {
                ...pending,
                status: 'resolved',
                resolution: 'replayed',
                resolvedAt: '2026-11-20T11:00:00.000Z',
              },
            ],
          })
        : rejected,
    }));
    fake.on('POST', '/service/replay', (call) => {
      const dryRun = (call.body as { dryRun: boolean }).dryRun;
      if (!dryRun) resolved = true;

      return replayAnswer(
        { id: pending.id, outcome: dryRun ? 'would-replay' : 'resolved' },
        dryRun,
      );
    });
    const posted = jest.spyOn(window.parent, 'postMessage');
    renderPanel();

    fireEvent.click(
      await screen.findByRole('button', { name: 'Replay failure SKU_UNKNOWN (dry run first)' }),
    );
    await screen.findByText('Dry run: the replay would succeed. Nothing was changed yet.');
    expect(fake.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { ids: [pending.id], dryRun: true },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Replay now' }));
    await screen.findByText('Replayed: the failure is resolved.');
    await screen.findByText('In Linnworks');
    expect(screen.getByText('Resolved')).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { ids: [pending.id], dryRun: true },
      { ids: [pending.id], dryRun: false },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Close and refresh the order page' }));
    expect(posted).toHaveBeenCalledWith(
      { origin: window.location.origin, eventName: 'custom-view-close' },
      window.location.origin,
    );
  });

  it('shows a dry run that would fail again, and Cancel goes back without replaying', async () => {
    fake.on('GET', SUMMARY, () => ({ status: 200, body: rejected }));
    fake.on('POST', '/service/replay', () =>
      replayAnswer(
        {
          id: pending.id,
          outcome: 'still-failing',
          reasonCode: 'SKU_UNKNOWN',
          message: 'still unknown',
        },
        true,
      ),
    );
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: /Replay failure/ }));
    await screen.findByText(
      'Dry run: it would fail again (SKU_UNKNOWN: still unknown). Fix the cause first.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: /Replay failure/ })).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('discards only with a reason, and shows the failure discarded with who and why', async () => {
    let discarded = false;
    fake.on('GET', SUMMARY, () => ({
      status: 200,
      body: discarded
        ? summary({
            failures: [
              {
                ...pending,
                status: 'discarded',
                resolution: 'refunded by hand',
                resolvedAt: '2026-11-20T11:00:00.000Z',
                resolvedBy: 'mc-user:u-1',
              },
            ],
          })
        : rejected,
    }));
    fake.on('POST', `/service/failures/${pending.id}/discard`, (call) => {
      discarded = true;

      return {
        status: 200,
        body: {
          ...pending,
          status: 'discarded',
          resolution: (call.body as { reason: string }).reason,
        },
      };
    });
    renderPanel();

    fireEvent.click(await screen.findByRole('button', { name: 'Discard failure SKU_UNKNOWN' }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard failure' }));
    await screen.findByText('Say why, in at least 3 characters.');
    expect(fake.calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.change(screen.getByLabelText(/Why discard it\?/), {
      target: { value: 'refunded by hand' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Discard failure' }));
    await screen.findByText('Discarded. It no longer counts as pending.');
    await screen.findByText(/refunded by hand by mc-user:u-1/);
    expect(fake.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { reason: 'refunded by hand' },
    ]);
  });

  it('shows what went wrong when an action is refused, and keeps the failure pending', async () => {
    fake.on('GET', SUMMARY, () => ({ status: 200, body: rejected }));
    fake.on('POST', `/service/failures/${pending.id}/discard`, () => ({
      status: 409,
      body: { error: 'NOT_PENDING', message: 'the failure is resolved, not pending' },
    }));
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Discard failure SKU_UNKNOWN' }));
    fireEvent.change(screen.getByLabelText(/Why discard it\?/), {
      target: { value: 'no longer needed' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Discard failure' }));
    await screen.findByText('That did not work: the failure is resolved, not pending');
  });

  it('offers no Replay or Discard to a user without the manage permission, and says why', async () => {
    fake.on('GET', SUMMARY, () => ({ status: 200, body: rejected }));
    renderPanel({ permissions: ['canView'] });
    await screen.findByRole('article', { name: /Linnworks does not know/ });
    expect(
      screen.getByText('Replay and Discard need the manage permission of this custom view.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Replay/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Discard/ })).not.toBeInTheDocument();
  });

  it('explains an unknown reason code in general words and still shows its code', async () => {
    fake.on('GET', SUMMARY, () => ({
      status: 200,
      body: summary({ failures: [failure({ reasonCode: 'SOMETHING_NEW', field: undefined })] }),
    }));
    renderPanel();
    await screen.findByText('The connector could not sync this order. The details below say why.');
    await waitFor(() => expect(screen.getByText(/SOMETHING_NEW · order-sync/)).toBeInTheDocument());
  });
});
