import { PermanentUpstreamError, RetryableUpstreamError } from '../../src/errors/errors';
import { classifyHttpFailure, linnworksMessage } from '../../src/linnworks/linnworks-errors';
import { parseLinnworksBody } from '../../src/linnworks/linnworks-transport';

const options = { rateLimitFallbackMs: 60_000 };
const failure = (status: number, body: unknown, retryAfter?: string) => ({
  endpoint: 'Orders/CreateOrders',
  status,
  body,
  retryAfter,
});

describe('Linnworks error classification', () => {
  it('when Linnworks answers 429 with Retry-After, then the error is retryable and carries the wait', () => {
    const error = classifyHttpFailure(
      failure(429, { Message: 'API calls quota exceeded! Maximum admitted 150 per Minute.' }, '12'),
      options,
    );

    expect(error).toBeInstanceOf(RetryableUpstreamError);
    expect((error as RetryableUpstreamError).retryAfterMs).toBe(12_000);
  });

  it('when a 429 has no Retry-After, then the fallback wait of a minute window is used', () => {
    const error = classifyHttpFailure(failure(429, null), options) as RetryableUpstreamError;

    expect(error.code).toBe('LINNWORKS_RATE_LIMITED');
    expect(error.retryAfterMs).toBe(60_000);
  });

  it.each([500, 502, 503, 504, 408, 409])(
    'when Linnworks answers %i, then the error is retryable',
    (status) => {
      expect(classifyHttpFailure(failure(status, { Message: 'x' }), options)).toBeInstanceOf(
        RetryableUpstreamError,
      );
    },
  );

  it.each([400, 403, 404])(
    'when Linnworks answers %i, then the error is permanent and carries the message verbatim',
    (status) => {
      const error = classifyHttpFailure(
        failure(status, { Message: "Violation of PRIMARY KEY constraint 'PK_x'" }),
        options,
      );

      expect(error).toBeInstanceOf(PermanentUpstreamError);
      expect(error.message).toContain("Violation of PRIMARY KEY constraint 'PK_x'");
      expect(error.details).toMatchObject({
        upstream: 'linnworks',
        status,
        linnworksMessage: "Violation of PRIMARY KEY constraint 'PK_x'",
      });
    },
  );

  it('when the message key is cased differently or the body is text, then the message is still found', () => {
    expect(linnworksMessage({ message: 'lower' })).toBe('lower');
    expect(linnworksMessage('plain text')).toBe('plain text');
    expect(linnworksMessage(null)).toBe('');
  });

  it('when a body is empty, text or JSON, then it is parsed tolerantly', () => {
    expect(parseLinnworksBody('')).toBeNull();
    expect(parseLinnworksBody('  ')).toBeNull();
    expect(parseLinnworksBody('not json')).toBe('not json');
    expect(parseLinnworksBody('["a"]')).toEqual(['a']);
    expect(parseLinnworksBody('null')).toBeNull();
  });
});
