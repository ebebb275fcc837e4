/**
 * commercetools scopes (without the `:projectKey` suffix) each part of the connector needs.
 * Scope names per https://docs.commercetools.com/api/scopes; `manage_project` covers all.
 */
export const FLOW_SCOPES: Record<string, string[]> = {
  'order-sync': ['manage_orders', 'manage_key_value_documents', 'manage_subscriptions'],
  'stock-sync': ['manage_products', 'view_channels', 'manage_key_value_documents'],
  'fulfillment-sync': ['manage_orders', 'view_channels', 'manage_key_value_documents'],
  'sync-admin': [
    'introspect_oauth_tokens',
    'manage_orders',
    'manage_products',
    'view_subscriptions',
    'manage_key_value_documents',
  ],
};
