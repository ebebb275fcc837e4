import { captureLogger } from 'shared/testing';

import { runWithContext } from '../src/logging/context';

describe('logger', () => {
  it('when logging inside a unit of work, then every line carries its correlation ID and flow', () => {
    const { logger, lines } = captureLogger();
    runWithContext({ correlationId: 'corr-1', flow: 'order-sync' }, () => {
      logger.info('first');
      logger.child({ module: 'mapper' }).warn('second');
    });
    expect(lines()).toHaveLength(2);
    for (const line of lines())
      expect(line).toMatchObject({ correlationId: 'corr-1', flow: 'order-sync' });
  });

  it('when an object with secrets and personal data is logged, then those values are redacted', () => {
    const { logger, text } = captureLogger();
    logger.info(
      {
        order: {
          customerEmail: 'jane@example.com',
          shippingAddress: { streetName: 'Baker Street', phone: '+44 20 7946 0000' },
        },
        config: { clientSecret: 'sekret-123', installationToken: 'tok-456' },
        headers: { authorization: 'Bearer abc' },
      },
      'mapped',
    );
    const out = text();
    for (const value of [
      'jane@example.com',
      'Baker Street',
      '+44 20 7946 0000',
      'sekret-123',
      'tok-456',
      'Bearer abc',
    ]) {
      expect(out).not.toContain(value);
    }
    expect(out).toContain('[redacted]');
  });
});
