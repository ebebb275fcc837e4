import { useIntl } from 'react-intl';
import PrimaryButton from '@commercetools-uikit/primary-button';
import SecondaryButton from '@commercetools-uikit/secondary-button';
import Spacings from '@commercetools-uikit/spacings';

import messages from '../../messages';

type Props = {
  label: string;
  tone?: 'urgent' | 'primary' | 'critical';
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
};

/** The second step of an action: confirm it, or go back. */
const ConfirmOrCancel = (props: Props) => {
  const intl = useIntl();

  return (
    <Spacings.Inline scale="s">
      <PrimaryButton
        tone={props.tone ?? 'primary'}
        label={props.label}
        onClick={props.onConfirm}
        isDisabled={props.busy}
      />
      <SecondaryButton
        label={intl.formatMessage(messages.cancel)}
        onClick={props.onCancel}
        isDisabled={props.busy}
      />
    </Spacings.Inline>
  );
};
ConfirmOrCancel.displayName = 'ConfirmOrCancel';

export default ConfirmOrCancel;
