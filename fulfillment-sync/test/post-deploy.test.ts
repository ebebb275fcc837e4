import { DEFAULT_PROGRESS_RULES, type FulfillmentSettings } from 'shared';
import { ctTestApi } from 'shared/testing';

import { ensureFulfillmentStates } from '../src/connector/fulfillment-states';

const settings = {
  progressRules: DEFAULT_PROGRESS_RULES,
  lineCancelledState: 'lw-line-cancelled',
} as FulfillmentSettings;

describe('post-deploy states', () => {
  it('when deployed twice, then the order and line-item states exist once each with the right type', async () => {
    const api = ctTestApi();

    const first = await ensureFulfillmentStates(api, settings);
    const second = await ensureFulfillmentStates(api, settings);

    expect(first).toEqual({
      'OrderState:lw-picking': 'created',
      'OrderState:lw-packed': 'created',
      'LineItemState:lw-line-cancelled': 'created',
    });
    expect(Object.values(second)).toEqual(['exists', 'exists', 'exists']);
    const states = (
      await api
        .states()
        .get({ queryArgs: { limit: 50 } })
        .execute()
    ).body.results;
    expect(states.map((s) => [s.key, s.type]).sort()).toEqual([
      ['lw-line-cancelled', 'LineItemState'],
      ['lw-packed', 'OrderState'],
      ['lw-picking', 'OrderState'],
    ]);
  });
});
