// Message types per resource, for the resources the connector subscribes to, as the commercetools
// API reference lists them (commercetools/commercetools-api-reference, api-specs/api/types/message/:
// every `type: OrderMessage`, plus OrderPaymentAdded/OrderPaymentRemoved, which the order
// produces; Payment* but PaymentMethod* (another resource) save PaymentMethodInfo*; InventoryEntry*).
// Read 2026-08 at 5867aa22a.

const ORDER = `CustomLineItemStateTransition DeliveryAdded DeliveryAddressSet DeliveryCustomFieldAdded
DeliveryCustomFieldChanged DeliveryCustomFieldRemoved DeliveryCustomTypeRemoved DeliveryCustomTypeSet
DeliveryItemsUpdated DeliveryRemoved LineItemStateTransition OrderBillingAddressSet OrderBusinessUnitSet
OrderCreated OrderCreatedFromRecurringOrder OrderCustomFieldAdded OrderCustomFieldChanged
OrderCustomFieldRemoved OrderCustomLineItemAdded OrderCustomLineItemDiscountSet
OrderCustomLineItemQuantityChanged OrderCustomLineItemRemoved OrderCustomTypeRemoved OrderCustomTypeSet
OrderCustomerEmailSet OrderCustomerGroupSet OrderCustomerSet OrderDeleted OrderDiscountCodeAdded
OrderDiscountCodeRemoved OrderDiscountCodeStateSet OrderEditApplied OrderEstimatedDeliverySet
OrderImported OrderLineItemAdded OrderLineItemDiscountSet OrderLineItemDistributionChannelSet
OrderLineItemRemoved OrderPaymentAdded OrderPaymentRemoved OrderPaymentStateChanged
OrderPurchaseOrderNumberSet OrderReturnShipmentStateChanged OrderShipmentStateChanged
OrderShippingAddressSet OrderShippingInfoSet OrderShippingRateInputSet OrderStateChanged
OrderStateTransition OrderStoreSet ParcelAddedToDelivery ParcelItemsUpdated ParcelMeasurementsUpdated
ParcelRemovedFromDelivery ParcelTrackingDataUpdated ReturnInfoAdded ReturnInfoSet`;

const PAYMENT = `PaymentCreated PaymentInteractionAdded PaymentInterfaceIdSet PaymentStatusInterfaceCodeSet
PaymentStatusStateTransition PaymentTransactionAdded PaymentTransactionInterfaceIdSet
PaymentTransactionStateChanged PaymentMethodInfoCustomFieldAdded PaymentMethodInfoCustomFieldChanged
PaymentMethodInfoCustomFieldRemoved PaymentMethodInfoCustomTypeRemoved PaymentMethodInfoCustomTypeSet
PaymentMethodInfoInterfaceAccountSet PaymentMethodInfoInterfaceSet PaymentMethodInfoMethodSet
PaymentMethodInfoNameSet PaymentMethodInfoTokenSet`;

const INVENTORY_ENTRY = `InventoryEntryCreated InventoryEntryDeleted InventoryEntryOutOfStock
InventoryEntryQuantitySet InventoryEntryReorderPoint InventoryEntryReservationExpirationInMinutesSet
InventoryEntrySafetyStock`;

const words = (text) => text.split(/\s+/).filter(Boolean);

/** resourceTypeId → its message types, for the resources whose types the test server checks. */
export const MESSAGE_TYPES = {
  order: words(ORDER),
  payment: words(PAYMENT),
  'inventory-entry': words(INVENTORY_ENTRY),
};

/** MessageSubscriptionResourceTypeId (api-specs/api/types/subscription/). */
export const MESSAGE_RESOURCE_TYPES =
  words(`approval-flow approval-rule associate-role business-unit
category customer customer-email-token customer-group customer-password-token inventory-entry order
payment product product-selection product-tailoring quote quote-request review shopping-list
staged-quote standalone-price store`);

/** ChangeSubscriptionResourceTypeId (api-specs/api/types/subscription/). */
export const CHANGE_RESOURCE_TYPES =
  words(`approval-flow approval-rule associate-role attribute-group
business-unit cart cart-discount category channel customer customer-email-token customer-group
customer-password-token discount-code discount-group extension inventory-entry key-value-document
order order-edit payment product product-discount product-selection product-tailoring product-type
quote quote-request recurrence-policy recurring-order review shipping-method shopping-list
staged-quote standalone-price state store subscription tax-category type zone`);

/** Destination types and their required fields (api-specs/api/types/subscription/*Destination.raml). */
export const DESTINATIONS = {
  GoogleCloudPubSub: ['projectId', 'topic'],
  SNS: ['topicArn'],
  SQS: ['queueUrl', 'region'],
  EventBridge: ['region', 'accountId', 'source'],
  EventGrid: ['uri', 'accessKey'],
  AzureServiceBus: ['connectionString'],
  ConfluentCloud: ['bootstrapServer', 'apiKey', 'apiSecret', 'acks', 'topic'],
  IronMQ: ['uri'],
};
