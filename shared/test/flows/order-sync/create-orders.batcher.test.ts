import {
  CreateOrdersBatcher,
  type ItemOutcome,
} from '../../../src/flows/order-sync/create-orders.batcher';

/** A sender that records its batches and answers each item `<key>:<item>`, failing items named `bad`. */
function recordingSender() {
  const batches: Array<{ key: string; items: string[] }> = [];
  const send = async (key: string, items: string[]): Promise<ItemOutcome<string>[]> => {
    batches.push({ key, items });

    return items.map((item) =>
      item === 'bad'
        ? { ok: false, error: new Error(`refused ${item}`) }
        : { ok: true, value: `${key}:${item}` },
    );
  };

  return { batches, send };
}

describe('CreateOrdersBatcher', () => {
  it('when orders arrive within the window, then they go in one batch and each caller gets its own answer', async () => {
    const { batches, send } = recordingSender();
    const batcher = new CreateOrdersBatcher(send, { windowMs: 50, maxSize: 20 });

    const answers = await Promise.all(['a', 'b', 'c'].map((i) => batcher.submit('Default', i)));

    expect(answers).toEqual(['Default:a', 'Default:b', 'Default:c']);
    expect(batches).toEqual([{ key: 'Default', items: ['a', 'b', 'c'] }]);
  });

  it('when a batch is full, then it goes at once without waiting for the window', async () => {
    const { batches, send } = recordingSender();
    const batcher = new CreateOrdersBatcher(send, { windowMs: 60_000, maxSize: 3 });
    const started = Date.now();

    await Promise.all(['a', 'b', 'c'].map((i) => batcher.submit('Default', i)));

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(batches).toHaveLength(1);
  });

  it('when more orders arrive than a batch holds, then they are split into batches of at most 20', async () => {
    const { batches, send } = recordingSender();
    const batcher = new CreateOrdersBatcher(send, { windowMs: 20, maxSize: 50 });
    const items = Array.from({ length: 45 }, (_, i) => `o${i}`);

    await Promise.all(items.map((i) => batcher.submit('Default', i)));

    expect(batches.map((b) => b.items.length)).toEqual([20, 20, 5]);
  });

  it('when orders go to different locations, then each location gets its own batch', async () => {
    const { batches, send } = recordingSender();
    const batcher = new CreateOrdersBatcher(send, { windowMs: 20, maxSize: 20 });

    await Promise.all([
      batcher.submit('Default', 'a'),
      batcher.submit('Leeds', 'b'),
      batcher.submit('Default', 'c'),
    ]);

    expect(batches).toEqual([
      { key: 'Default', items: ['a', 'c'] },
      { key: 'Leeds', items: ['b'] },
    ]);
  });

  it('when one order of a batch fails, then only its caller gets the failure', async () => {
    const { send } = recordingSender();
    const batcher = new CreateOrdersBatcher(send, { windowMs: 20, maxSize: 20 });

    const results = await Promise.allSettled(
      ['a', 'bad', 'c'].map((i) => batcher.submit('Default', i)),
    );

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('when a batch of the same location is still in flight, then the next partial batch keeps filling until it is back', async () => {
    const batches: string[][] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const send = async (_key: string, items: string[]): Promise<ItemOutcome<string>[]> => {
      batches.push(items);
      if (batches.length === 1) await held;

      return items.map((value) => ({ ok: true, value }));
    };
    const batcher = new CreateOrdersBatcher(send, { windowMs: 10, maxSize: 20 });
    const first = batcher.submit('Default', 'a');
    await new Promise((r) => setTimeout(r, 30));

    const later = ['b', 'c'].map((i) => batcher.submit('Default', i));
    await new Promise((r) => setTimeout(r, 50));
    expect(batches).toEqual([['a']]);
    release();

    await Promise.all([first, ...later]);
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('when a batch was not sent for budget, then its orders join the next batch until they are too old, then fail', async () => {
    const batches: string[][] = [];
    const spent = new Error('budget spent');
    let refuse = 2;
    const send = async (_key: string, items: string[]): Promise<ItemOutcome<string>[]> => {
      batches.push(items);
      const refused = refuse-- > 0;

      return items.map((value) => (refused ? { ok: false, error: spent } : { ok: true, value }));
    };
    const requeue = { when: (e: unknown) => e === spent, maxAgeMs: 2_000 };
    const batcher = new CreateOrdersBatcher(send, { windowMs: 10, maxSize: 20 }, requeue);
    const a = batcher.submit('Default', 'a');
    await new Promise((r) => setTimeout(r, 30));
    const b = batcher.submit('Default', 'b');

    await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b']);
    // Refused twice, then sent: requeued each time, never failed.
    expect(batches[0]).toEqual(['a']);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.flat().filter((i) => i === 'a').length).toBeGreaterThanOrEqual(2);

    const tooOld = new CreateOrdersBatcher(
      async (_k, items: string[]) => items.map(() => ({ ok: false as const, error: spent })),
      { windowMs: 10, maxSize: 20 },
      { ...requeue, maxAgeMs: 100 },
    );
    await expect(tooOld.submit('Default', 'c')).rejects.toBe(spent);
  });

  it('when batching is off (max size 1), then every order is sent alone at once', async () => {
    const { batches, send } = recordingSender();
    const batcher = new CreateOrdersBatcher(send, { windowMs: 60_000, maxSize: 1 });

    await Promise.all(['a', 'b'].map((i) => batcher.submit('Default', i)));

    expect(batches).toEqual([
      { key: 'Default', items: ['a'] },
      { key: 'Default', items: ['b'] },
    ]);
  });
});
