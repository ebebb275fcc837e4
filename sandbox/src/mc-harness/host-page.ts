/**
 * The Merchant Center's order page, reduced to what a custom view meets: the order's facts, a
 * button that opens the panel in an iframe of this origin, and the loader's side of the
 * custom-view messages (`@commercetools-frontend/application-components`' CustomViewLoader):
 * on `custom-view-ready` it transfers a MessageChannel port with `custom-view-bootstrap` and
 * sends `custom-view-initialization` with the host context; on `custom-view-close` it closes
 * the panel and dispatches `custom-view-on-close-after`, on which the order page reloads its data.
 */
export interface CustomViewData {
  id: string;
  defaultLabel: string;
  labelAllLocales: Array<{ locale: string; value: string }>;
  url: string;
  permissions: Array<{ name: string; oAuthScopes: string[] }>;
  locators: string[];
  type: 'CustomPanel';
  typeSettings: { size: 'SMALL' | 'LARGE' };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body{font-family:'Open Sans',Arial,sans-serif;margin:0;background:#f7f8fa;color:#1a1a1a}
header{background:#1b1b5e;color:#fff;padding:12px 24px;font-size:14px}
main{padding:24px;max-width:1400px} .facts{background:#fff;border-radius:6px;padding:16px;margin:16px 0}
.facts dt{font-size:12px;color:#666}.facts dd{margin:0 0 8px}
button{background:#1b1b5e;color:#fff;border:0;border-radius:4px;padding:8px 16px;cursor:pointer}
#panel{position:fixed;top:0;right:0;bottom:0;width:min(900px,70vw);background:#fff;
box-shadow:-4px 0 16px rgba(0,0,0,.2)} #panel iframe{border:0;width:100%;height:100%}
a{color:#1b1b5e}`;

export function orderPageHtml(input: {
  projectKey: string;
  orderId: string;
  view: CustomViewData;
}): string {
  const context = JSON.stringify(input).replace(/</g, '\\u003c');

  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Order · Merchant Center (local harness)</title><style>${STYLE}</style></head><body>
<header>Merchant Center · local harness · project ${escape(input.projectKey)} · <a style="color:#fff" href="/">orders</a></header>
<main><h1 id="order-title">Order</h1>
<dl class="facts" id="order-facts" data-refreshes="0" aria-live="polite"></dl>
<button id="open-panel" type="button">${escape(input.view.defaultLabel)}</button>
<div id="panel" hidden><iframe id="custom-view-${escape(input.view.id)}" title="Custom View: ${escape(input.view.defaultLabel)}"></iframe></div>
</main><script>
const CTX = ${context};
const panel = document.getElementById('panel');
const iframe = panel.querySelector('iframe');
const facts = document.getElementById('order-facts');
let channel; let initialised = false;
async function loadOrder() {
  const res = await fetch('/_harness/orders/' + encodeURIComponent(CTX.orderId));
  const order = await res.json();
  document.getElementById('order-title').textContent = 'Order ' + (order.orderNumber || CTX.orderId);
  facts.innerHTML = '';
  for (const [k, v] of Object.entries(order.facts || {})) {
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v;
    facts.append(dt, dd);
  }
  facts.dataset.refreshes = String(Number(facts.dataset.refreshes) + 1);
}
function initialise() {
  if (initialised) return;
  initialised = true;
  iframe.contentWindow.postMessage('custom-view-bootstrap', window.location.href, [channel.port2]);
  channel.port1.postMessage({
    source: 'mc-host-application',
    destination: 'custom-view-' + CTX.view.id,
    eventName: 'custom-view-initialization',
    eventData: { context: { dataLocale: 'en', projectKey: CTX.projectKey, featureFlags: {},
      customViewConfig: CTX.view, hostUrl: window.location.href } },
  });
}
function onViewEvent(event) {
  if (!event.data || event.data.origin !== window.location.origin) return;
  if (event.data.eventName === 'custom-view-ready') initialise();
  if (event.data.eventName === 'custom-view-close') closePanel();
}
function openPanel() {
  channel = new MessageChannel();
  channel.port1.onmessage = onViewEvent;
  initialised = false;
  iframe.src = '/custom-views/' + CTX.view.id + '/projects/' + CTX.projectKey;
  panel.hidden = false;
}
function closePanel() {
  panel.hidden = true;
  iframe.removeAttribute('src');
  channel && channel.port1.close();
  window.dispatchEvent(new CustomEvent('custom-view-on-close-after',
    { detail: { originLocatorCode: CTX.view.locators[0] } }));
}
// As the loader: initialise 500 ms after load if the view never said it is ready.
iframe.addEventListener('load', () => { if (iframe.src) setTimeout(initialise, 500); });
window.addEventListener('message', onViewEvent);
window.addEventListener('custom-view-on-close-after', () => loadOrder());
document.getElementById('open-panel').addEventListener('click', openPanel);
loadOrder();
</script></body></html>`;
}

export function orderListHtml(input: {
  projectKey: string;
  orders: Array<{ id: string; orderNumber?: string; createdAt: string }>;
  canPlaceSample: boolean;
}): string {
  const rows = input.orders
    .map(
      (o) =>
        `<li><a href="/${escape(input.projectKey)}/orders/${escape(o.id)}/general">${escape(o.orderNumber ?? o.id)}</a> · ${escape(o.createdAt)}</li>`,
    )
    .join('');
  const sample = input.canPlaceSample
    ? `<form method="post" action="/_harness/sample-order"><button type="submit">Place an order whose SKU Linnworks does not know</button></form>`
    : '';

  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Orders · Merchant Center (local harness)</title>
<style>${STYLE}</style></head><body><header>Merchant Center · local harness · project ${escape(input.projectKey)}</header>
<main><h1>Orders</h1>${sample}<ul>${rows || '<li>No orders yet.</li>'}</ul></main></body></html>`;
}
