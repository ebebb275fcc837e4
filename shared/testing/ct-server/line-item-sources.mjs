// Where a new line item's product, price, tax rate and channels come from
// (StagedOrderAddLineItemAction.raml, error/MatchingPriceNotFoundError.raml,
// error/MissingTaxRateForCountryError.raml), for staged-line-items.mjs.

async function productOf(ctx, projectKey, { sku, productId }) {
  if (productId) return ctx.storage.get(projectKey, 'product', productId);
  if (!sku) {
    throw ctx.errors.invalidInput('Either productId and variantId, or sku must be provided.');
  }
  const found = await ctx.storage.query(projectKey, 'product', {
    where: [
      `masterData(current(masterVariant(sku="${sku}"))) or masterData(current(variants(sku="${sku}")))`,
    ],
  });

  return found.results[0];
}

/** The published Product and variant an addLineItem names; 400 InvalidOperation [?] if none. */
export async function variantOf(ctx, projectKey, action) {
  const product = await productOf(ctx, projectKey, action);
  const current = product?.masterData?.current;
  const variants = current ? [current.masterVariant, ...(current.variants ?? [])] : [];
  const variant = action.sku
    ? variants.find((v) => v.sku === action.sku)
    : variants.find((v) => v.id === (action.variantId ?? current?.masterVariant.id));
  if (!product || !variant || !product.masterData.published) {
    const which = action.sku ? `SKU '${action.sku}'` : `product '${action.productId}'`;
    throw ctx.errors.invalidOperation(`No published product variant with ${which} was found.`);
  }

  return { product, variant };
}

/** The variant's Price for the Order (most specific first), else 400 MatchingPriceNotFound. */
export function selectPrice(ctx, order, product, variant, channelId) {
  const now = new Date().toISOString();
  const fits = (p) =>
    p.value.currencyCode === order.totalPrice.currencyCode &&
    (!p.country || p.country === order.country) &&
    (!p.customerGroup || p.customerGroup.id === order.customerGroup?.id) &&
    (!p.channel || p.channel.id === channelId) &&
    (!p.validFrom || p.validFrom <= now) &&
    (!p.validUntil || now <= p.validUntil);
  const specificity = (p) => [p.channel, p.customerGroup, p.country].filter(Boolean).length;
  const [price] = (variant.prices ?? [])
    .filter(fits)
    .sort((a, b) => specificity(b) - specificity(a));
  if (!price) {
    throw ctx.errors.error(
      400,
      'MatchingPriceNotFound',
      `The variant '${variant.id}' of product '${product.id}' does not contain a price for ` +
        `currency '${order.totalPrice.currencyCode}'.`,
      { productId: product.id, variantId: variant.id, currency: order.totalPrice.currencyCode },
    );
  }

  return price;
}

/** The new line's TaxRate by the Order's TaxMode, else 400 MissingTaxRateForCountry. */
export async function taxRateFor(ctx, projectKey, order, product, action) {
  if (order.taxMode === 'Disabled') return undefined;
  if (order.taxMode === 'External') {
    if (!action.externalTaxRate) {
      throw ctx.errors.invalidOperation('externalTaxRate is required in External TaxMode.');
    }
    const { amount = 0, includedInPrice = false, name, country, state } = action.externalTaxRate;

    return { amount, includedInPrice, name, country, state, subRates: [] };
  }
  const country = order.shippingAddress?.country;
  if (!country) return undefined;
  const category = product.taxCategory
    ? await ctx.storage.getByResourceIdentifier(projectKey, product.taxCategory)
    : undefined;
  const rate = category?.rates.find(
    (r) => r.country === country && (!r.state || r.state === order.shippingAddress.state),
  );
  if (!rate) {
    throw ctx.errors.error(
      400,
      'MissingTaxRateForCountry',
      `Tax category '${category?.id ?? 'none'}' of product '${product.id}' has no rate for '${country}'.`,
      { taxCategoryId: category?.id ?? '', country },
    );
  }

  return rate;
}

/** The line's supply and distribution channels, as references (400 when one does not exist). */
export async function channels(ctx, projectKey, action) {
  const references = {};
  for (const field of ['supplyChannel', 'distributionChannel']) {
    if (!action[field]) continue;
    const channel = await ctx.storage.getByResourceIdentifier(projectKey, {
      ...action[field],
      typeId: 'channel',
    });
    references[field] = { typeId: 'channel', id: channel.id };
  }

  return references;
}
