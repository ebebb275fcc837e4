import { runBounded } from '../../src/scheduler/bounded-runs';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runBounded', () => {
  it('when an item fails, then the others still run to their end and the first failure is thrown after them', async () => {
    const ended: number[] = [];
    const run = runBounded([0, 1, 2, 3], { limit: 2 }, async (n) => {
      await tick(n === 1 ? 1 : 5);
      if (n === 1 || n === 3) throw new Error(`item ${n}`);
      ended.push(n);

      return n;
    });
    await expect(run).rejects.toThrow('item 1');
    expect(ended.sort()).toEqual([0, 2]);
  });

  it('when items share a key, then each waits for the one before it while other keys go ahead', async () => {
    const seen: string[] = [];
    const results = await runBounded(
      ['a1', 'a2', 'b1'],
      { limit: 3, keyOf: (s) => s[0] },
      async (s) => {
        seen.push(s);
        await tick(1);

        return s;
      },
    );
    expect(results).toEqual([
      { started: true, value: 'a1' },
      { started: true, value: 'a2' },
      { started: true, value: 'b1' },
    ]);
    // a2 waits for a1; b1 does not.
    expect(seen).toEqual(['a1', 'b1', 'a2']);
  });
});
