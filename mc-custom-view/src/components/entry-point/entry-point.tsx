import { lazy } from 'react';
import {
  CustomViewShell,
  setupGlobalErrorListener,
} from '@commercetools-frontend/application-shell';

import loadMessages from '../../load-messages';

// The panel is its own chunk: the shell renders while it loads.
const AsyncOrderSyncPanel = lazy(
  () => import('../order-sync-panel/order-sync-panel' /* webpackChunkName: "order-sync-panel" */),
);

// Before anything renders, so errors while mounting are caught too.
setupGlobalErrorListener();

const EntryPoint = () => (
  <CustomViewShell applicationMessages={loadMessages}>
    <AsyncOrderSyncPanel />
  </CustomViewShell>
);
EntryPoint.displayName = 'EntryPoint';

export default EntryPoint;
