import { PermanentUpstreamError, ValidationError } from '../errors/errors';
import type {
  LinnworksArgs as Args,
  LinnworksCall,
  LinnworksResult as Result,
} from './linnworks-call';
import {
  lwActionRefundResponseSchema,
  lwCancellationOptionsSchema,
  lwCreateRefundResponseSchema,
  lwRefundOptionsResponseSchema,
  lwValidatedCancellationSchema,
} from './linnworks-post-sale-schemas';
import type { LinnworksCreatedRefund } from './linnworks-types';
import type { LinnworksNewRefundLine } from './linnworks-write-types';

/**
 * Cancellation and refund writes (reference §6; SDK `PostSale.cs`, `ReturnsRefunds.cs`). Every
 * ReturnsRefunds and PostSale write takes the `request` wrapper; GetCancellationOptions is a GET
 * (its method page allows no POST). Refusals come back in the body and are thrown here.
 */

const UPSTREAM = 'linnworks';

export function getCancellationOptions(
  call: LinnworksCall,
  { orderId }: Args<'getCancellationOptions'>,
): Result<'getCancellationOptions'> {
  const endpoint = 'PostSale/GetCancellationOptions';

  return call(endpoint, { orderId }, lwCancellationOptionsSchema, { method: 'GET' });
}

export async function createCancellation(
  call: LinnworksCall,
  input: Args<'createCancellation'>,
): Result<'createCancellation'> {
  const internalOnly = input.internalOnly ?? true;
  const request = {
    OrderId: input.orderId,
    InternalOnly: internalOnly,
    IsChannelCancellation: !internalOnly,
    ReasonTag: input.reasonTag ?? '',
    SubReasonTag: input.subReasonTag ?? '',
    IsFreeText: !input.reasonTag && Boolean(input.note),
    FreeTextOrNote: input.note ?? '',
    CreateFullRefund: input.createFullRefund ?? false,
    RefundReference: input.refundReference ?? '',
  };
  const endpoint = 'PostSale/CreateCancellation';
  const result = await call(endpoint, { request }, lwValidatedCancellationSchema.nullable());
  if (result && (result.Errors.length > 0 || result.Status?.startsWith('ERROR'))) {
    const text = result.Errors.join('; ') || `status ${result.Status}`;
    throw new PermanentUpstreamError(
      'LINNWORKS_CANCEL_REJECTED',
      `Linnworks ${endpoint} refused: ${text.slice(0, 500)}`,
      { upstream: UPSTREAM, endpoint, postSaleStatus: result.Status, errors: result.Errors },
    );
  }

  return result;
}

export async function getRefundOptions(
  call: LinnworksCall,
  { orderId, refundHeaderId }: Args<'getRefundOptions'>,
): Result<'getRefundOptions'> {
  const request = {
    OrderId: orderId,
    ...(refundHeaderId === undefined ? {} : { RefundHeaderId: refundHeaderId }),
  };
  const endpoint = 'ReturnsRefunds/GetRefundOptions';

  return (await call(endpoint, { request }, lwRefundOptionsResponseSchema)).RefundOptions;
}

function refundLineToSend(line: LinnworksNewRefundLine, index: number) {
  if (!(line.Amount > 0)) {
    throw new ValidationError(
      'LINNWORKS_REFUND_AMOUNT',
      `lines[${index}].Amount must be more than 0, got ${line.Amount}`,
      { field: `lines[${index}].Amount` },
    );
  }

  return {
    ...line,
    Quantity: line.Quantity ?? 0,
    IsFreeText: line.IsFreeText ?? (!line.ReasonTag && Boolean(line.FreeTextOrNote)),
  };
}

/** The refusal in a CreateRefund or ActionRefund answer, or undefined when there is none. */
function refusalOf(
  endpoint: string,
  answer: LinnworksCreatedRefund,
): PermanentUpstreamError | undefined {
  const reason = answer.CannotRefundReason ?? 'None';
  const lineErrors = answer.RefundLines.filter(
    (l) => (l.RefundValidationError ?? 'None') !== 'None' || l.ValidationError !== '',
  ).map((l) => ({
    orderItemRowId: l.RefundedItem?.OrderItemRowId ?? null,
    refundedUnit: l.RefundedUnit,
    error: l.RefundValidationError,
    message: l.ValidationError,
  }));
  if (reason === 'None' && answer.Errors.length === 0 && lineErrors.length === 0) return undefined;
  const said = [
    reason === 'None' ? '' : reason,
    ...answer.Errors,
    ...lineErrors.map((e) => `${e.refundedUnit ?? 'line'} ${e.error ?? ''} ${e.message}`.trim()),
  ].filter(Boolean);

  return new PermanentUpstreamError(
    'LINNWORKS_REFUND_REFUSED',
    `Linnworks ${endpoint} refused: ${said.join('; ').slice(0, 500)}`,
    { upstream: UPSTREAM, endpoint, cannotRefundReason: reason, errors: answer.Errors, lineErrors },
  );
}

export async function createRefund(
  call: LinnworksCall,
  { orderId, channelInitiated, lines }: Args<'createRefund'>,
): Result<'createRefund'> {
  if (lines.length === 0) {
    throw new ValidationError('LINNWORKS_REFUND_EMPTY', 'A refund needs at least one line', {
      field: 'lines',
    });
  }
  const request = {
    ChannelInitiated: channelInitiated,
    OrderId: orderId,
    RefundLines: lines.map(refundLineToSend),
  };
  const endpoint = 'ReturnsRefunds/CreateRefund';
  const answer = await call(endpoint, { request }, lwCreateRefundResponseSchema);
  const refusal = refusalOf(endpoint, answer);
  if (refusal) throw refusal;
  if (answer.RefundHeaderId === null) {
    throw new PermanentUpstreamError(
      'LINNWORKS_REFUND_REFUSED',
      `Linnworks ${endpoint} saved no refund header and gave no reason`,
      { upstream: UPSTREAM, endpoint },
    );
  }

  return answer;
}

export async function actionRefund(
  call: LinnworksCall,
  { orderId, refundHeaderId }: Args<'actionRefund'>,
): Result<'actionRefund'> {
  const request = { RefundHeaderId: refundHeaderId, OrderId: orderId };
  const endpoint = 'ReturnsRefunds/ActionRefund';
  const answer = await call(endpoint, { request }, lwActionRefundResponseSchema);
  if (answer.SuccessfullyActioned || answer.Status === 'PROCESSED') return answer;
  throw (
    refusalOf(endpoint, answer) ??
    new PermanentUpstreamError(
      'LINNWORKS_REFUND_REFUSED',
      `Linnworks ${endpoint} did not action refund ${refundHeaderId} (status ${answer.Status ?? 'unknown'})`,
      { upstream: UPSTREAM, endpoint, refundHeaderId, postSaleStatus: answer.Status },
    )
  );
}
