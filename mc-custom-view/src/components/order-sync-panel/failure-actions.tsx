import { useState } from 'react';
import { useIntl } from 'react-intl';
import MultilineTextField from '@commercetools-uikit/multiline-text-field';
import { ContentNotification } from '@commercetools-uikit/notifications';
import SecondaryButton from '@commercetools-uikit/secondary-button';
import Spacings from '@commercetools-uikit/spacings';
import Text from '@commercetools-uikit/text';

import messages from '../../messages';
import type { SyncAdminApi } from '../../sync-admin/client';
import type { Failure, ReplayItem } from '../../sync-admin/types';
import ConfirmOrCancel from './confirm-or-cancel';
import { dryRunMessage, replayMessage } from './replay-messages';

type Step =
  | { kind: 'idle' }
  | { kind: 'dry-run'; result: ReplayItem }
  | { kind: 'discard'; reason: string; touched: boolean };

type Props = { failure: Failure; api: SyncAdminApi; onDone: (message: string) => void };

/** Replay (a dry run first, then for real) and Discard (with a required reason) of one failure. */
const FailureActions = (props: Props) => {
  const intl = useIntl();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { id, reasonCode } = props.failure;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(intl.formatMessage(messages.actionFailed, { message: (caught as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const item = (response: { items: ReplayItem[] }) =>
    response.items.find((i) => i.id === id) ?? { id, outcome: 'not-found' as const };
  const dryRun = () =>
    run(async () => setStep({ kind: 'dry-run', result: item(await props.api.replay(id, true)) }));
  const replay = () =>
    run(async () => {
      const result = item(await props.api.replay(id, false));
      setStep({ kind: 'idle' });
      props.onDone(replayMessage(intl, result));
    });
  const reasonValid = step.kind === 'discard' && step.reason.trim().length >= 3;
  const discard = () => {
    if (step.kind !== 'discard') return;
    if (!reasonValid) {
      setStep({ ...step, touched: true });

      return;
    }
    void run(async () => {
      await props.api.discard(id, step.reason.trim());
      setStep({ kind: 'idle' });
      props.onDone(intl.formatMessage(messages.discarded));
    });
  };
  const cancel = () => setStep({ kind: 'idle' });

  return (
    <Spacings.Stack scale="s">
      {error && <ContentNotification type="error">{error}</ContentNotification>}
      {step.kind === 'idle' && (
        <Spacings.Inline scale="s">
          <SecondaryButton
            label={intl.formatMessage(messages.replay)}
            aria-label={intl.formatMessage(messages.replayLabel, { reasonCode })}
            onClick={dryRun}
            isDisabled={busy}
          />
          <SecondaryButton
            label={intl.formatMessage(messages.discard)}
            aria-label={intl.formatMessage(messages.discardLabel, { reasonCode })}
            onClick={() => setStep({ kind: 'discard', reason: '', touched: false })}
            isDisabled={busy}
          />
        </Spacings.Inline>
      )}
      {step.kind === 'dry-run' && (
        <Spacings.Stack scale="s">
          <Text.Body>{dryRunMessage(intl, step.result)}</Text.Body>
          <ConfirmOrCancel
            label={intl.formatMessage(messages.replayNow)}
            onConfirm={replay}
            onCancel={cancel}
            busy={busy}
          />
        </Spacings.Stack>
      )}
      {step.kind === 'discard' && (
        <Spacings.Stack scale="s">
          <MultilineTextField
            title={intl.formatMessage(messages.discardReason)}
            hint={intl.formatMessage(messages.discardHint)}
            isRequired
            value={step.reason}
            touched={step.touched}
            errors={{ missing: step.touched && !reasonValid }}
            renderError={(key) =>
              key === 'missing' ? intl.formatMessage(messages.discardReasonMissing) : null
            }
            onChange={(event) => setStep({ ...step, reason: event.target.value })}
            isAutofocussed
          />
          <ConfirmOrCancel
            tone="critical"
            label={intl.formatMessage(messages.confirmDiscard)}
            onConfirm={discard}
            onCancel={cancel}
            busy={busy}
          />
        </Spacings.Stack>
      )}
    </Spacings.Stack>
  );
};
FailureActions.displayName = 'FailureActions';

export default FailureActions;
