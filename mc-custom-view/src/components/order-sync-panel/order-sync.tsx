import { useIntl } from 'react-intl';
import LoadingSpinner from '@commercetools-uikit/loading-spinner';
import { ContentNotification } from '@commercetools-uikit/notifications';
import SecondaryButton from '@commercetools-uikit/secondary-button';
import Spacings from '@commercetools-uikit/spacings';
import Text from '@commercetools-uikit/text';

import messages from '../../messages';
import { type SyncAdminApi, SyncAdminError } from '../../sync-admin/client';
import { useOrderSummary } from '../../sync-admin/use-order-summary';
import FailureList from './failure-list';
import SyncSummary from './sync-summary';

type Props = { api: SyncAdminApi; orderId: string };

function LoadError(props: { error: unknown; onRetry: () => void }) {
  const intl = useIntl();
  const status = props.error instanceof SyncAdminError ? props.error.status : undefined;
  const correlationId =
    props.error instanceof SyncAdminError ? props.error.body.correlationId : undefined;

  return (
    <ContentNotification type="error">
      <Spacings.Stack scale="s">
        <Text.Body>
          {status === 403
            ? intl.formatMessage(messages.forbidden)
            : intl.formatMessage(messages.unavailable, { status: status ?? 'network' })}
        </Text.Body>
        {correlationId && (
          <Text.Detail tone="secondary">
            {intl.formatMessage(messages.correlation, { id: correlationId })}
          </Text.Detail>
        )}
        {status !== 403 && (
          <Spacings.Inline>
            <SecondaryButton label={intl.formatMessage(messages.retry)} onClick={props.onRetry} />
          </Spacings.Inline>
        )}
      </Spacings.Stack>
    </ContentNotification>
  );
}

/** One order's sync: loading, unknown to the connector, failed to load, or the summary. */
const OrderSync = (props: Props) => {
  const intl = useIntl();
  const { state, reload } = useOrderSummary(props.api, props.orderId);

  switch (state.kind) {
    case 'loading':
      return <LoadingSpinner>{intl.formatMessage(messages.loading)}</LoadingSpinner>;
    case 'unknown-order':
      return (
        <ContentNotification type="info">
          {intl.formatMessage(messages.unknownOrder)}
        </ContentNotification>
      );
    case 'error':
      return <LoadError error={state.error} onRetry={reload} />;
    default:
      return (
        <Spacings.Stack scale="l">
          <SyncSummary summary={state.summary} />
          <FailureList failures={state.summary.failures} api={props.api} onChanged={reload} />
        </Spacings.Stack>
      );
  }
};
OrderSync.displayName = 'OrderSync';

export default OrderSync;
