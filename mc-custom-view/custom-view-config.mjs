/**
 * The Merchant Center custom view of the connector: a panel on the order page with the order's
 * Linnworks sync, its failures, and Replay / Discard. Values come from the Connect deployment
 * (connect.yaml): CUSTOM_VIEW_ID, CLOUD_IDENTIFIER, SYNC_ADMIN_URL; Connect sets APPLICATION_URL.
 *
 * @type {import('@commercetools-frontend/application-config').ConfigOptionsForCustomView}
 */
const config = {
  name: 'Linnworks sync',
  description: 'The order’s Linnworks sync: status, fulfilment, failures, Replay and Discard.',
  cloudIdentifier: '${env:CLOUD_IDENTIFIER}',
  env: {
    development: {
      initialProjectKey: 'sandbox-shop',
    },
    production: {
      customViewId: '${env:CUSTOM_VIEW_ID}',
      url: '${env:APPLICATION_URL}',
    },
  },
  // The panel reads and writes nothing in commercetools itself: sync-admin does, with the
  // connector's own API client. These scopes gate who may open (view) and act (manage).
  oAuthScopes: {
    view: ['view_orders'],
    manage: ['manage_orders'],
  },
  type: 'CustomPanel',
  typeSettings: {
    size: 'LARGE',
  },
  locators: ['orders.order_details.general'],
  labelAllLocales: [{ locale: 'en', value: 'Linnworks sync' }],
  additionalEnv: {
    syncAdminUrl: '${env:SYNC_ADMIN_URL}',
  },
};

export default config;
