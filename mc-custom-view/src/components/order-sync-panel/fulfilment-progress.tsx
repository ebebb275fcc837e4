import { useIntl } from 'react-intl';
import AccessibleHidden from '@commercetools-uikit/accessible-hidden';
import Spacings from '@commercetools-uikit/spacings';
import Text from '@commercetools-uikit/text';

import messages from '../../messages';
import type { OrderSyncSummary } from '../../sync-admin/types';

/** Linnworks' pick/pack/ship flags as steps, and the shipment commercetools holds. */
const FulfilmentProgress = (props: { summary: OrderSyncSummary }) => {
  const intl = useIntl();
  const { linnworks, fulfilment } = props.summary;
  const lw = linnworks && !('unavailable' in linnworks) ? linnworks : undefined;
  const steps = lw
    ? ([
        [messages.stepReceived, true],
        [messages.stepPicking, lw.pickListPrinted || lw.processed],
        [messages.stepPacked, lw.labelPrinted || lw.processed],
        ...(lw.partShipped && !lw.processed ? [[messages.stepPartShipped, true] as const] : []),
        [messages.stepShipped, lw.processed],
      ] as const)
    : [];
  const tracking = fulfilment?.trackingIds.length ? ` (${fulfilment.trackingIds.join(', ')})` : '';

  return (
    <Spacings.Stack scale="xs">
      {steps.length > 0 && (
        <ol
          aria-label={intl.formatMessage(messages.fulfilment)}
          style={{ margin: 0, paddingLeft: 0 }}
        >
          <Spacings.Inline scale="m">
            {steps.map(([label, done]) => (
              <li key={label.id} style={{ listStyle: 'none' }}>
                <Text.Body tone={done ? 'positive' : 'secondary'}>
                  {done ? '✓' : '○'} {intl.formatMessage(label)}
                </Text.Body>
                <AccessibleHidden>{done ? ' (done)' : ' (not yet)'}</AccessibleHidden>
              </li>
            ))}
          </Spacings.Inline>
        </ol>
      )}
      {lw?.onHoldOrCancelled && (
        <Text.Body tone="critical">{intl.formatMessage(messages.onHold)}</Text.Body>
      )}
      {fulfilment && (
        <Text.Detail tone="secondary">
          {intl.formatMessage(messages.shipmentInCommercetools, {
            shipment: fulfilment.shipmentState ?? fulfilment.orderState,
            parcels: fulfilment.parcels,
            tracking,
          })}
          {fulfilment.state ? ` · ${fulfilment.state}` : ''}
        </Text.Detail>
      )}
    </Spacings.Stack>
  );
};
FulfilmentProgress.displayName = 'FulfilmentProgress';

export default FulfilmentProgress;
