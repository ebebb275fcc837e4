import type { Order } from '@commercetools/platform-sdk';

import type { CtApi } from '../../commercetools/client';
import { toCtError } from '../../commercetools/ct-errors';

const PAGE = 500;
/** At most this many orders a run (10 pages): beyond that the sweep catches the rest. */
const MAX_PAGES = 10;

/**
 * SKUs on the orders created since `since`, oldest first, by a `createdAt >` cursor (not by
 * offset, so the 10,000-offset limit never applies). Only `lineItems[*].variant.sku` matter.
 */
export async function skusOfOrdersSince(
  api: CtApi,
  since: string,
  countRead: () => void,
): Promise<{ orders: number; skus: string[] }> {
  const skus = new Set<string>();
  let orders = 0;
  let after = since;
  for (let page = 0; page < MAX_PAGES; page++) {
    countRead();
    let results: Order[];
    try {
      const response = await api
        .orders()
        .get({
          queryArgs: {
            where: `createdAt > "${after}"`,
            sort: 'createdAt asc',
            limit: PAGE,
            withTotal: false,
          },
        })
        .execute();
      results = response.body.results;
    } catch (error) {
      throw toCtError(error, 'read of new orders');
    }
    orders += results.length;
    for (const order of results) {
      for (const line of order.lineItems) if (line.variant.sku) skus.add(line.variant.sku);
    }
    const last = results.at(-1);
    if (results.length < PAGE || !last) break;
    after = last.createdAt;
  }

  return { orders, skus: [...skus] };
}
