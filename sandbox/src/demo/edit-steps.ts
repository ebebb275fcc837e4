import type { Order } from '@commercetools/platform-sdk';

import type { Stack } from '../stack/stack';
import { getOrder, linnworksOrdersFor } from './checks';
import { check, type Story, waitFor } from './story';

interface LwAddressView {
  CustomerInfo: { Address: { Address1: string; PostCode: string } };
}

/** The message commercetools sends for `setShippingAddress`, as a Subscription delivers it. */
function shippingAddressSet(stack: Stack, order: Order) {
  return {
    notificationType: 'Message',
    projectKey: stack.projectKey,
    id: `edit-${order.id}-${order.version}`,
    version: 1,
    sequenceNumber: order.version,
    resource: { typeId: 'order', id: order.id },
    resourceVersion: order.version,
    resourceUserProvidedIdentifiers: { orderNumber: order.orderNumber },
    type: 'OrderShippingAddressSet',
    address: order.shippingAddress,
    createdAt: order.lastModifiedAt,
    lastModifiedAt: order.lastModifiedAt,
  };
}

/** One order's delivery address changes after export: the open Linnworks order follows. */
export async function editSteps(stack: Stack, story: Story, orders: Map<string, Order>) {
  await story.step('An exported order is edited: its new address reaches Linnworks', async () => {
    const number = 'CT-1006';
    const before = orders.get(number);
    if (!before) throw new Error(`${number} was not placed`);
    const current = await getOrder(stack.ct, before.id);
    const address = {
      ...current.shippingAddress!,
      streetName: 'Canal Street',
      streetNumber: '8',
      postalCode: 'M1 3HB',
    };
    await stack.ct
      .orders()
      .withId({ ID: current.id })
      .post({
        body: { version: current.version, actions: [{ action: 'setShippingAddress', address }] },
      })
      .execute();
    const edited = await getOrder(stack.ct, current.id);
    // Delivered twice: the second is a no-op (idempotent by order version).
    stack.pump.delivery = { duplicates: 1 };
    await stack.pump.deliverAll([shippingAddressSet(stack, edited)]);
    stack.pump.delivery = {};
    const lw = await waitFor(`${number}'s new address in Linnworks`, async () => {
      const [found] = linnworksOrdersFor(
        stack.emulator.control,
        edited,
      ) as unknown as LwAddressView[];

      return found?.CustomerInfo.Address.PostCode === 'M1 3HB' ? found : undefined;
    });
    check(
      lw.CustomerInfo.Address.Address1.includes('Canal Street'),
      `${number}: street ${lw.CustomerInfo.Address.Address1}`,
    );
    check(
      linnworksOrdersFor(stack.emulator.control, edited).length === 1,
      `${number}: still one Linnworks order`,
    );
    orders.set(number, await getOrder(stack.ct, current.id));

    return `${number}: shipping address changed in commercetools (OrderShippingAddressSet, delivered twice) → Orders/SetOrderCustomerInfo on the open Linnworks order; postcode now ${lw.CustomerInfo.Address.PostCode}`;
  });
}
