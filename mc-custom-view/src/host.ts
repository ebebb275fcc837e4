import { CUSTOM_VIEWS_EVENTS_NAMES } from '@commercetools-frontend/constants';

/** The commercetools order id of the Merchant Center page the panel was opened on, if any. */
export function orderIdFromHostUrl(hostUrl: string): string | undefined {
  const path = URL.canParse(hostUrl) ? new URL(hostUrl).pathname : hostUrl;
  const match = /\/orders\/([-_a-zA-Z0-9]{1,256})(?:\/|$)/.exec(path);

  return match?.[1];
}

/**
 * Closes the panel. The Merchant Center's custom-view loader listens for this message on the
 * host window; once closed it tells the order page (`custom-view-on-close-after`) to load its
 * data again, so the page shows what Replay or Discard changed.
 */
export function closePanelAndRefreshOrder(): void {
  window.parent.postMessage(
    { origin: window.location.origin, eventName: CUSTOM_VIEWS_EVENTS_NAMES.CUSTOM_VIEW_CLOSE },
    window.location.origin,
  );
}
