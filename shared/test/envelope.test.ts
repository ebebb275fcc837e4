import { parseDelivery, readDelivery } from '../src/events/envelope';
import { toPubSubPush } from '../testing/pubsub-push';
import { OrderIdScanner, scanDelivery } from '../src/events/order-id-scan';

const ORDER_ID = '0b9d3c1e-7f2a-4e55-8a61-1c2d3e4f5a6b';
const message = {
  notificationType: 'Message',
  projectKey: 'p',
  id: 'msg-1',
  version: 1,
  sequenceNumber: 3,
  resource: { typeId: 'order', id: ORDER_ID },
  resourceVersion: 3,
  type: 'OrderStateChanged',
};

/** Feeds the body in chunks of `size` bytes, as a request stream would. */
function scanInChunks(body: Buffer, size: number) {
  const scanner = new OrderIdScanner();
  for (let at = 0; at < body.length; at += size) scanner.write(body.subarray(at, at + size));

  return scanner.end();
}

describe('parseDelivery and readDelivery', () => {
  it('when a Pub/Sub push or a raw payload arrives, then the commercetools message and the Pub/Sub id are read', () => {
    const push = toPubSubPush(message, 'pubsub-7');
    expect(parseDelivery(push)).toMatchObject({ messageId: 'pubsub-7', notification: message });
    expect(parseDelivery(message).notification.resource.id).toBe(ORDER_ID);
    expect(readDelivery(Buffer.from(JSON.stringify(push)))).toMatchObject({
      delivery: { messageId: 'pubsub-7' },
    });
  });

  it('when the body is not JSON, then it is unreadable with a message that never quotes the body', () => {
    const body = Buffer.from('{"message":{"data":"eyJ', 'utf8');
    const read = readDelivery(Buffer.concat([body, Buffer.from(' secret@example.com')]));
    expect(read).toEqual({
      unreadable: { reason: 'BODY_NOT_JSON', message: 'the body is not JSON' },
    });
  });

  it('when message.data is not base64 JSON, then ENVELOPE_INVALID names message.data', () => {
    const read = readDelivery(Buffer.from(JSON.stringify({ message: { data: '!!!' } })));
    expect(read).toMatchObject({
      unreadable: { reason: 'ENVELOPE_INVALID', field: 'message.data' },
    });
  });

  it('when the payload lacks what routing needs, then PAYLOAD_INVALID names the field and the order id is still read', () => {
    const { resource: _r, ...noResource } = message;
    expect(readDelivery(Buffer.from(JSON.stringify(noResource)))).toMatchObject({
      unreadable: { reason: 'PAYLOAD_INVALID', field: 'resource' },
    });
    const { notificationType: _n, ...noType } = message;
    expect(readDelivery(Buffer.from(JSON.stringify(toPubSubPush(noType, 'm-2'))))).toMatchObject({
      unreadable: {
        reason: 'PAYLOAD_INVALID',
        field: 'notificationType',
        orderId: ORDER_ID,
        messageId: 'm-2',
      },
    });
  });
});

describe('OrderIdScanner: the order id of a body that cannot be parsed whole', () => {
  const push = Buffer.from(
    JSON.stringify(toPubSubPush({ ...message, pad: 'y'.repeat(5000) }, 'pm-1')),
  );

  it.each([1, 3, 7, 64, 4096])(
    'when the body streams in chunks of %i bytes, then the order id and the message id are found',
    (size) => {
      expect(scanInChunks(push, size)).toEqual({ orderId: ORDER_ID, messageId: 'pm-1' });
    },
  );

  it('when the order reference comes after megabytes of payload, then it is still found, with the id first or second', () => {
    const late = {
      notificationType: 'Message',
      pad: 'z'.repeat(3_000_000),
      resource: { id: ORDER_ID, typeId: 'order' },
    };
    expect(scanInChunks(Buffer.from(JSON.stringify(toPubSubPush(late, 'pm-2'))), 65_536)).toEqual({
      orderId: ORDER_ID,
      messageId: 'pm-2',
    });
  });

  it('when the JSON escapes "/" in the base64 as "\\/", then the payload still decodes', () => {
    const data = Buffer.from(JSON.stringify({ ...message, note: '???>>>' })).toString('base64');
    expect(data).toContain('/');
    const body = `{"message":{"data":"${data.replace(/\//g, '\\/')}"}}`;
    expect(scanDelivery(Buffer.from(body)).orderId).toBe(ORDER_ID);
  });

  it('when the body is a raw payload, cut off, then the order id is read from the text', () => {
    const raw = JSON.stringify(message);
    expect(scanDelivery(Buffer.from(raw.slice(0, raw.indexOf('resourceVersion'))))).toEqual({
      orderId: ORDER_ID,
    });
  });

  it('when the body names no order (another resource, or nothing), then no id is made up', () => {
    const payment = { ...message, resource: { typeId: 'payment', id: ORDER_ID } };
    expect(scanDelivery(Buffer.from(JSON.stringify(toPubSubPush(payment, 'x'))))).toEqual({
      messageId: 'x',
    });
    expect(scanDelivery(Buffer.from('not json at all'))).toEqual({});
  });
});
