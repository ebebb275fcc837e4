import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ContentNotification } from '@commercetools-uikit/notifications';
import PrimaryButton from '@commercetools-uikit/primary-button';
import Spacings from '@commercetools-uikit/spacings';
import Text from '@commercetools-uikit/text';

import { closePanelAndRefreshOrder } from '../../host';
import messages from '../../messages';
import { useCanManage } from '../../permissions';
import type { SyncAdminApi } from '../../sync-admin/client';
import type { Failure } from '../../sync-admin/types';
import FailureItem from './failure-item';

type Props = { failures: Failure[]; api: SyncAdminApi; onChanged: () => void };

/** The order's failures; after an action, what happened and a way back to a fresh order page. */
const FailureList = (props: Props) => {
  const intl = useIntl();
  const canManage = useCanManage();
  const [done, setDone] = useState<string>();
  const onDone = (message: string) => {
    setDone(message);
    props.onChanged();
  };

  return (
    <section aria-labelledby="failures-title">
      <Spacings.Stack scale="m">
        <Text.Subheadline as="h4" id="failures-title">
          {intl.formatMessage(messages.failures)}
        </Text.Subheadline>
        {done && (
          <ContentNotification type="success">
            <Spacings.Stack scale="s">
              <Text.Body>{done}</Text.Body>
              <PrimaryButton
                label={intl.formatMessage(messages.closeAndRefresh)}
                onClick={closePanelAndRefreshOrder}
              />
            </Spacings.Stack>
          </ContentNotification>
        )}
        {props.failures.length === 0 && (
          <Text.Body>{intl.formatMessage(messages.noFailures)}</Text.Body>
        )}
        {props.failures.some((f) => f.status === 'pending') && !canManage && (
          <Text.Detail tone="secondary">{intl.formatMessage(messages.manageNeeded)}</Text.Detail>
        )}
        {props.failures.map((failure) => (
          <FailureItem
            key={failure.id}
            failure={failure}
            api={props.api}
            canManage={canManage}
            onDone={onDone}
          />
        ))}
      </Spacings.Stack>
    </section>
  );
};
FailureList.displayName = 'FailureList';

export default FailureList;
