import { type MessageDescriptor, useIntl } from 'react-intl';
import Card from '@commercetools-uikit/card';
import Spacings from '@commercetools-uikit/spacings';
import Stamp, { type TTone } from '@commercetools-uikit/stamp';
import Text from '@commercetools-uikit/text';

import messages from '../../messages';
import { reasonMessage } from '../../reasons';
import type { SyncAdminApi } from '../../sync-admin/client';
import type { Failure } from '../../sync-admin/types';
import FailureActions from './failure-actions';

const STATUS: Record<Failure['status'], [MessageDescriptor, TTone]> = {
  pending: [messages.failureStatusPending, 'critical'],
  resolved: [messages.failureStatusResolved, 'positive'],
  discarded: [messages.failureStatusDiscarded, 'secondary'],
};

type Props = {
  failure: Failure;
  api: SyncAdminApi;
  canManage: boolean;
  onDone: (message: string) => void;
};

/** One failure: what it means, its codes and correlation ID, and what can be done about it. */
const FailureItem = (props: Props) => {
  const intl = useIntl();
  const { failure } = props;
  const [statusLabel, tone] = STATUS[failure.status];
  const at = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const titleId = `failure-${failure.id}`;

  return (
    <Card insetScale="m">
      <article aria-labelledby={titleId}>
        <Spacings.Stack scale="s">
          <Spacings.Inline scale="s" alignItems="center">
            <Stamp tone={tone} label={intl.formatMessage(statusLabel)} />
            <Text.Body fontWeight="bold" id={titleId}>
              {intl.formatMessage(reasonMessage(failure.reasonCode))}
            </Text.Body>
          </Spacings.Inline>
          <Text.Detail>{failure.message}</Text.Detail>
          {failure.field && (
            <Text.Detail tone="secondary">
              {intl.formatMessage(messages.failureField, { field: failure.field })}
            </Text.Detail>
          )}
          <Text.Detail tone="secondary">
            {intl.formatMessage(messages.failureDetails, {
              reasonCode: failure.reasonCode,
              flow: failure.flow,
              attempts: failure.attempts,
              at: at(failure.lastFailedAt),
            })}
          </Text.Detail>
          <Text.Detail tone="secondary">
            {intl.formatMessage(messages.correlation, { id: failure.correlationId })}
          </Text.Detail>
          {failure.status !== 'pending' && failure.resolvedAt && (
            <Text.Detail tone="secondary">
              {intl.formatMessage(messages.failureClosed, {
                status: intl.formatMessage(statusLabel),
                at: at(failure.resolvedAt),
                resolution: failure.resolution ?? '',
              })}
              {failure.resolvedBy
                ? ` ${intl.formatMessage(messages.failureClosedBy, { by: failure.resolvedBy })}`
                : ''}
            </Text.Detail>
          )}
          {failure.status === 'pending' && props.canManage && (
            <FailureActions failure={failure} api={props.api} onDone={props.onDone} />
          )}
        </Spacings.Stack>
      </article>
    </Card>
  );
};
FailureItem.displayName = 'FailureItem';

export default FailureItem;
