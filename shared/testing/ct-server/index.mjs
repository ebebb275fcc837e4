// The rules that make @labdigital/commercetools-mock as strict as commercetools where the connector
// depends on it (docs/testing.md lists each rule and its source). One module per rule family;
// a new family is one import and one entry below.
import { registerCustomObjectQueryRule } from './custom-object-queries.mjs';
import { register as registerCustomObjectVersionRule } from './custom-object-versions.mjs';
import { registerDeliveryRules } from './deliveries.mjs';
import { strictContext } from './internals.mjs';
import { registerLineItemStateRules } from './line-item-states.mjs';
import { registerOrderEditRoutes } from './order-edits.mjs';
import { registerOrderFieldRules } from './order-fields.mjs';
import { registerOrderStateRules } from './order-states.mjs';
import { registerPaymentRules } from './payments.mjs';
import { registerQueryRules } from './queries.mjs';
import { registerReturnRules } from './returns.mjs';
import { registerSeedRoute } from './seed-route.mjs';
import { registerStateRules } from './states.mjs';
import { registerSubscriptionRules } from './subscriptions.mjs';
import { registerVersionRules } from './versions.mjs';

const RULE_FAMILIES = [
  registerVersionRules,
  registerQueryRules,
  registerStateRules,
  registerOrderStateRules,
  registerOrderFieldRules,
  registerLineItemStateRules,
  registerDeliveryRules,
  registerReturnRules,
  registerPaymentRules,
  registerSubscriptionRules,
  registerOrderEditRoutes,
];

/** Installs every rule family and the seeding route; call before the server listens. */
export async function installStrictRules(ctMock) {
  const ctx = await strictContext(ctMock);
  for (const register of RULE_FAMILIES) register(ctx);
  registerSeedRoute(ctx, ctMock);
  // Custom-object drafts: a `version` must match the stored object (CT_MOCK_VERSIONED_CREATE
  // picks the reading for an object that does not exist yet).
  registerCustomObjectVersionRule(ctMock);
  // Custom-object queries look at their own container only.
  registerCustomObjectQueryRule(ctMock);
}
