import { startFlags } from '../../src/stack/app-process';

describe('the local stack starts each app as npm start does', () => {
  it('when an app has node flags in its start script, then the stack passes them too', () => {
    expect(startFlags('stock-sync')).toEqual(
      expect.arrayContaining(['--max-semi-space-size=4', '--max-old-space-size=160']),
    );
  });

  it('when the start script only enables source maps, then the stack passes just that flag', () => {
    expect(startFlags('order-sync')).toEqual(['--enable-source-maps']);
  });
});
