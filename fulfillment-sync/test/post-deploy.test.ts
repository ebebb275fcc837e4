import type { State } from '@commercetools/platform-sdk';
import {
  type CtApi,
  DEFAULT_PROGRESS_RULES,
  ensureFulfillmentStates,
  type FulfillmentSyncSettings,
} from 'shared';
import { ctTestApi, setStateTransitions } from 'shared/testing';

const settings = {
  progressRules: DEFAULT_PROGRESS_RULES,
  lineCancelledState: 'lw-line-cancelled',
} as FulfillmentSyncSettings;

const stateByKey = async (api: CtApi, key: string): Promise<State> =>
  (await api.states().withKey({ key }).get().execute()).body;

describe('post-deploy states', () => {
  it('when deployed twice, then the states exist once each, as designed: order states initial, the cancelled line state not, none with transitions', async () => {
    const api = ctTestApi();

    const first = await ensureFulfillmentStates(api, settings);
    const second = await ensureFulfillmentStates(api, settings);

    expect(first).toEqual({
      states: {
        'OrderState:lw-picking': 'created',
        'OrderState:lw-packed': 'created',
        'LineItemState:lw-line-cancelled': 'created',
      },
      warnings: [],
    });
    expect(Object.values(second.states)).toEqual(['as-designed', 'as-designed', 'as-designed']);
    const states = (
      await api
        .states()
        .get({ queryArgs: { where: 'key in ("lw-picking", "lw-packed", "lw-line-cancelled")' } })
        .execute()
    ).body.results;
    expect(states.map((s) => [s.key, s.type, s.initial, s.transitions]).sort()).toEqual([
      ['lw-line-cancelled', 'LineItemState', false, undefined],
      ['lw-packed', 'OrderState', true, undefined],
      ['lw-picking', 'OrderState', true, undefined],
    ]);
  });

  it('when a state the connector owns was created by an earlier version or edited, then post-deploy puts its initial and transitions back', async () => {
    const api = ctTestApi();
    // What the first versions of post-deploy created: not initial.
    await api
      .states()
      .post({ body: { key: 'lw-picking', type: 'OrderState', initial: false } })
      .execute();
    await api
      .states()
      .post({ body: { key: 'lw-packed', type: 'OrderState', initial: true, transitions: [] } })
      .execute();

    const report = await ensureFulfillmentStates(api, settings);

    expect(report.states).toMatchObject({
      'OrderState:lw-picking': 'repaired',
      'OrderState:lw-packed': 'repaired',
    });
    for (const key of ['lw-picking', 'lw-packed']) {
      const state = await stateByKey(api, key);
      expect([state.initial, state.transitions]).toEqual([true, undefined]);
    }
  });

  it("when a rule names a merchant's own state, then post-deploy never changes it and says how it differs", async () => {
    const api = ctTestApi();
    await api
      .states()
      .post({ body: { key: 'packing', type: 'OrderState', initial: false, transitions: [] } })
      .execute();
    const merchantRules = {
      ...settings,
      progressRules: [{ flag: 'LabelPrinted' as const, state: 'packing' }],
    };

    const report = await ensureFulfillmentStates(api, merchantRules);

    expect(report.states['OrderState:packing']).toBe('kept');
    expect(report.warnings).toEqual([
      expect.stringMatching(/OrderState packing is the merchant's/),
    ]);
    const packing = await stateByKey(api, 'packing');
    expect([packing.initial, packing.transitions]).toEqual([false, []]);
  });

  it("when the merchant's Initial line-item state lists transitions without the cancelled state, then post-deploy warns, leaves Initial alone, and is quiet once it is listed", async () => {
    const api = ctTestApi();
    await ensureFulfillmentStates(api, settings);
    await api
      .states()
      .post({ body: { key: 'picked', type: 'LineItemState' } })
      .execute();
    await setStateTransitions(api, 'Initial', ['picked']);

    const warned = await ensureFulfillmentStates(api, settings);
    await setStateTransitions(api, 'Initial', ['picked', 'lw-line-cancelled']);
    const quiet = await ensureFulfillmentStates(api, settings);

    expect(warned.warnings).toEqual([
      expect.stringMatching(/line-item state Initial lists transitions without lw-line-cancelled/),
    ]);
    expect((await stateByKey(api, 'Initial')).transitions).toHaveLength(2);
    expect(quiet.warnings).toEqual([]);
  });

  it('when a state of another type holds a key the flow needs, then post-deploy fails naming it', async () => {
    const api = ctTestApi();
    await api
      .states()
      .post({ body: { key: 'lw-packed', type: 'LineItemState' } })
      .execute();

    await expect(ensureFulfillmentStates(api, settings)).rejects.toMatchObject({
      code: 'STATE_TYPE_MISMATCH',
      message: expect.stringMatching(/lw-packed is a LineItemState/),
    });
  });
});
