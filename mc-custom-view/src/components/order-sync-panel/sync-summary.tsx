import type { ReactNode } from 'react';
import { type MessageDescriptor, useIntl } from 'react-intl';
import Card from '@commercetools-uikit/card';
import Spacings from '@commercetools-uikit/spacings';
import Stamp, { type TTone } from '@commercetools-uikit/stamp';
import Text from '@commercetools-uikit/text';

import messages from '../../messages';
import type { OrderSyncSummary } from '../../sync-admin/types';
import FulfilmentProgress from './fulfilment-progress';

const STATUS: Record<OrderSyncSummary['sync']['status'], [MessageDescriptor, TTone]> = {
  created: [messages.statusCreated, 'positive'],
  rejected: [messages.statusRejected, 'critical'],
  pending: [messages.statusPending, 'warning'],
  cancelled: [messages.statusCancelled, 'secondary'],
  shipped: [messages.statusShipped, 'positive'],
  closed: [messages.statusClosed, 'secondary'],
  'not-synced': [messages.statusNotSynced, 'secondary'],
};

function Field(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>
        <Text.Detail tone="secondary">{props.label}</Text.Detail>
      </dt>
      <dd style={{ margin: 0 }}>{props.children}</dd>
    </div>
  );
}

function LinnworksOrder(props: { summary: OrderSyncSummary }) {
  const intl = useIntl();
  const { linnworks, sync, orderNumber } = props.summary;
  if (!linnworks)
    return <Text.Body>{intl.formatMessage(messages.linnworksOrderPending)}</Text.Body>;
  if ('unavailable' in linnworks) {
    return (
      <Text.Body tone="critical">
        {intl.formatMessage(messages.linnworksUnavailable, { reason: linnworks.unavailable })}
      </Text.Body>
    );
  }

  return (
    <Text.Body fontWeight="bold">
      {intl.formatMessage(messages.linnworksOrderNumber, {
        number: linnworks.orderNumber,
        reference: sync.linnworksReference ?? orderNumber ?? props.summary.ctOrderId,
      })}
    </Text.Body>
  );
}

/** The order's sync at a glance: status, Linnworks order, last sync, fulfilment. */
const SyncSummary = (props: { summary: OrderSyncSummary }) => {
  const intl = useIntl();
  const { sync } = props.summary;
  const [statusLabel, tone] = STATUS[sync.status];

  return (
    <Card insetScale="l">
      <dl style={{ margin: 0 }}>
        <Spacings.Stack scale="m">
          <Field label={intl.formatMessage(messages.syncStatus)}>
            <Stamp
              tone={tone}
              label={statusLabel ? intl.formatMessage(statusLabel) : sync.status}
            />
          </Field>
          <Field label={intl.formatMessage(messages.linnworksOrder)}>
            <LinnworksOrder summary={props.summary} />
          </Field>
          <Field label={intl.formatMessage(messages.lastSync)}>
            <Text.Body>
              {sync.lastSyncAt
                ? intl.formatDate(sync.lastSyncAt, { dateStyle: 'medium', timeStyle: 'short' })
                : intl.formatMessage(messages.never)}
            </Text.Body>
          </Field>
          <Field label={intl.formatMessage(messages.fulfilment)}>
            <FulfilmentProgress summary={props.summary} />
          </Field>
        </Spacings.Stack>
      </dl>
    </Card>
  );
};
SyncSummary.displayName = 'SyncSummary';

export default SyncSummary;
