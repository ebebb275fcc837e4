import { renderCustomView } from '@commercetools-frontend/application-shell/test-utils';

import OrderSyncPanel from '../src/components/order-sync-panel/order-sync-panel';
import { SYNC_ADMIN_URL } from './fake-sync-admin';

export const ORDER_PAGE =
  'https://mc.europe-west1.gcp.commercetools.com/sandbox-shop/orders/order-1/general';

/** The panel as the custom-view shell renders it on an order page, for a user with `permissions`. */
export function renderPanel(
  options: { permissions?: string[]; hostUrl?: string; syncAdminUrl?: string | null } = {},
) {
  const permissions = options.permissions ?? ['canView', 'canManage'];

  return renderCustomView({
    locale: 'en',
    projectKey: 'sandbox-shop',
    customViewHostUrl: options.hostUrl ?? ORDER_PAGE,
    projectAllAppliedPermissions: permissions.map((name) => ({ name, value: true })),
    environment: (options.syncAdminUrl === null
      ? {}
      : { syncAdminUrl: options.syncAdminUrl ?? SYNC_ADMIN_URL }) as never,
    children: <OrderSyncPanel />,
  });
}
