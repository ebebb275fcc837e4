import type { IntlShape } from 'react-intl';

import messages from '../../messages';
import type { ReplayItem } from '../../sync-admin/types';

/** What a dry run says would happen, in words. */
export function dryRunMessage(intl: IntlShape, result: ReplayItem): string {
  if (result.outcome === 'would-replay') return intl.formatMessage(messages.dryRunWouldReplay);
  if (result.outcome === 'still-failing') {
    return intl.formatMessage(messages.dryRunStillFailing, {
      reasonCode: result.reasonCode,
      message: result.message ?? '',
    });
  }

  return intl.formatMessage(messages.dryRunOther, {
    outcome: result.outcome,
    message: result.message ?? '',
  });
}

/** What a replay did, in words. */
export function replayMessage(intl: IntlShape, result: ReplayItem): string {
  if (result.outcome === 'resolved') return intl.formatMessage(messages.replayResolved);
  if (result.outcome === 'still-failing') {
    return intl.formatMessage(messages.replayStillFailing, { reasonCode: result.reasonCode });
  }

  return intl.formatMessage(messages.replayOther, {
    outcome: result.outcome,
    message: result.message ?? '',
  });
}
