import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import {
  useApplicationContext,
  useCustomViewContext,
} from '@commercetools-frontend/application-shell-connectors';
import { ContentNotification } from '@commercetools-uikit/notifications';
import Spacings from '@commercetools-uikit/spacings';
import Text from '@commercetools-uikit/text';

import { orderIdFromHostUrl } from '../../host';
import messages from '../../messages';
import { syncAdminApi } from '../../sync-admin/client';
import OrderSync from './order-sync';

/** The panel on the order page: which order, which sync-admin, then the order's sync. */
const OrderSyncPanel = () => {
  const intl = useIntl();
  const hostUrl = useCustomViewContext((context) => context.hostUrl);
  const syncAdminUrl = useApplicationContext(
    (context) => (context.environment as { syncAdminUrl?: string }).syncAdminUrl,
  );
  const api = useMemo(
    () => (syncAdminUrl ? syncAdminApi(syncAdminUrl) : undefined),
    [syncAdminUrl],
  );
  const orderId = orderIdFromHostUrl(hostUrl);

  return (
    <Spacings.Stack scale="l">
      <Text.Headline as="h2">{intl.formatMessage(messages.title)}</Text.Headline>
      {!api && (
        <ContentNotification type="error">
          {intl.formatMessage(messages.notConfigured)}
        </ContentNotification>
      )}
      {api && !orderId && (
        <ContentNotification type="info">
          {intl.formatMessage(messages.notOnOrderPage)}
        </ContentNotification>
      )}
      {api && orderId && <OrderSync api={api} orderId={orderId} />}
    </Spacings.Stack>
  );
};
OrderSyncPanel.displayName = 'OrderSyncPanel';

export default OrderSyncPanel;
