import { defineMessages } from 'react-intl';

export default defineMessages({
  title: { id: 'Panel.title', defaultMessage: 'Linnworks sync' },
  loading: { id: 'Panel.loading', defaultMessage: 'Loading the Linnworks sync of this order…' },
  unknownOrder: {
    id: 'Panel.unknownOrder',
    defaultMessage:
      'The connector knows nothing of this order yet. It is sent to Linnworks when it is created or paid.',
  },
  notOnOrderPage: {
    id: 'Panel.notOnOrderPage',
    defaultMessage: 'Open this panel from an order page.',
  },
  notConfigured: {
    id: 'Panel.notConfigured',
    defaultMessage: 'The panel has no sync-admin URL (SYNC_ADMIN_URL of the deployment).',
  },
  forbidden: {
    id: 'Panel.forbidden',
    defaultMessage:
      'You may not see the Linnworks sync: ask for the view permission of this custom view.',
  },
  unavailable: {
    id: 'Panel.unavailable',
    defaultMessage: 'The connector could not be reached ({status}). Try again in a moment.',
  },
  correlation: { id: 'Panel.correlation', defaultMessage: 'Correlation ID: {id}' },
  retry: { id: 'Panel.retry', defaultMessage: 'Try again' },
  // Summary
  syncStatus: { id: 'Summary.syncStatus', defaultMessage: 'Sync status' },
  linnworksOrder: { id: 'Summary.linnworksOrder', defaultMessage: 'Linnworks order' },
  linnworksOrderNumber: {
    id: 'Summary.linnworksOrderNumber',
    defaultMessage: 'Order {number} in Linnworks (reference {reference})',
  },
  linnworksOrderPending: {
    id: 'Summary.linnworksOrderPending',
    defaultMessage: 'Not in Linnworks yet',
  },
  linnworksUnavailable: {
    id: 'Summary.linnworksUnavailable',
    defaultMessage: 'Linnworks could not be asked: {reason}',
  },
  lastSync: { id: 'Summary.lastSync', defaultMessage: 'Last sync' },
  never: { id: 'Summary.never', defaultMessage: 'Never' },
  fulfilment: { id: 'Summary.fulfilment', defaultMessage: 'Fulfilment' },
  statusCreated: { id: 'Status.created', defaultMessage: 'In Linnworks' },
  statusRejected: { id: 'Status.rejected', defaultMessage: 'Not sent: waiting for a fix' },
  statusPending: { id: 'Status.pending', defaultMessage: 'Being sent' },
  statusCancelled: { id: 'Status.cancelled', defaultMessage: 'Cancelled in Linnworks' },
  statusShipped: { id: 'Status.shipped', defaultMessage: 'Shipped by Linnworks' },
  statusClosed: { id: 'Status.closed', defaultMessage: 'Settled in Linnworks (closed)' },
  statusNotSynced: { id: 'Status.notSynced', defaultMessage: 'Not sent to Linnworks' },
  stepReceived: { id: 'Fulfilment.received', defaultMessage: 'Received' },
  stepPicking: { id: 'Fulfilment.picking', defaultMessage: 'Pick list printed' },
  stepPacked: { id: 'Fulfilment.packed', defaultMessage: 'Label printed' },
  stepPartShipped: { id: 'Fulfilment.partShipped', defaultMessage: 'Partly shipped' },
  stepShipped: { id: 'Fulfilment.shipped', defaultMessage: 'Shipped' },
  onHold: { id: 'Fulfilment.onHold', defaultMessage: 'On hold or cancelled in Linnworks' },
  shipmentInCommercetools: {
    id: 'Fulfilment.commercetools',
    defaultMessage:
      'Here: shipment {shipment}, {parcels, plural, one {# parcel} other {# parcels}}{tracking}',
  },
  // Failures
  failures: { id: 'Failures.title', defaultMessage: 'Failures' },
  noFailures: {
    id: 'Failures.none',
    defaultMessage: 'No failures: nothing about this order waits for a fix.',
  },
  failureStatusPending: { id: 'Failures.status.pending', defaultMessage: 'Waiting for a fix' },
  failureStatusResolved: { id: 'Failures.status.resolved', defaultMessage: 'Resolved' },
  failureStatusDiscarded: { id: 'Failures.status.discarded', defaultMessage: 'Discarded' },
  failureDetails: {
    id: 'Failures.details',
    defaultMessage:
      '{reasonCode} · {flow} · {attempts, plural, one {# attempt} other {# attempts}} · last {at}',
  },
  failureField: { id: 'Failures.field', defaultMessage: 'Field: {field}' },
  failureClosed: { id: 'Failures.closed', defaultMessage: '{status} {at}: {resolution}' },
  failureClosedBy: { id: 'Failures.closedBy', defaultMessage: 'by {by}' },
  manageNeeded: {
    id: 'Failures.manageNeeded',
    defaultMessage: 'Replay and Discard need the manage permission of this custom view.',
  },
  replay: { id: 'Actions.replay', defaultMessage: 'Replay' },
  replayLabel: {
    id: 'Actions.replayLabel',
    defaultMessage: 'Replay failure {reasonCode} (dry run first)',
  },
  replayNow: { id: 'Actions.replayNow', defaultMessage: 'Replay now' },
  cancel: { id: 'Actions.cancel', defaultMessage: 'Cancel' },
  dryRunWouldReplay: {
    id: 'Actions.dryRunWouldReplay',
    defaultMessage: 'Dry run: the replay would succeed. Nothing was changed yet.',
  },
  dryRunStillFailing: {
    id: 'Actions.dryRunStillFailing',
    defaultMessage: 'Dry run: it would fail again ({reasonCode}: {message}). Fix the cause first.',
  },
  dryRunOther: { id: 'Actions.dryRunOther', defaultMessage: 'Dry run: {outcome}. {message}' },
  replayResolved: {
    id: 'Actions.replayResolved',
    defaultMessage: 'Replayed: the failure is resolved.',
  },
  replayStillFailing: {
    id: 'Actions.replayStillFailing',
    defaultMessage: 'Replayed, but it failed again ({reasonCode}).',
  },
  replayOther: { id: 'Actions.replayOther', defaultMessage: 'Replay: {outcome}. {message}' },
  discard: { id: 'Actions.discard', defaultMessage: 'Discard' },
  discardLabel: { id: 'Actions.discardLabel', defaultMessage: 'Discard failure {reasonCode}' },
  discardReason: { id: 'Actions.discardReason', defaultMessage: 'Why discard it?' },
  discardHint: {
    id: 'Actions.discardHint',
    defaultMessage:
      'Kept for audit with your name. Discarded failures leave the queue and the status.',
  },
  discardReasonMissing: {
    id: 'Actions.discardReasonMissing',
    defaultMessage: 'Say why, in at least 3 characters.',
  },
  confirmDiscard: { id: 'Actions.confirmDiscard', defaultMessage: 'Discard failure' },
  discarded: {
    id: 'Actions.discarded',
    defaultMessage: 'Discarded. It no longer counts as pending.',
  },
  actionFailed: { id: 'Actions.failed', defaultMessage: 'That did not work: {message}' },
  closeAndRefresh: {
    id: 'Actions.closeAndRefresh',
    defaultMessage: 'Close and refresh the order page',
  },
});
