import type { NextFunction, Request, Response } from 'express';

import { newCorrelationId, runWithContext } from '../logging/context';

const HEADER = 'x-correlation-id';
const SAFE_ID = /^[-_.:a-zA-Z0-9]{1,128}$/;

/**
 * First middleware of every app: takes the caller's correlation ID (if well-formed) or makes
 * one, echoes it in the response, and runs the rest of the request inside that log context.
 */
export function correlationMiddleware(flow: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.header(HEADER);
    const correlationId = incoming && SAFE_ID.test(incoming) ? incoming : newCorrelationId();
    res.setHeader(HEADER, correlationId);
    runWithContext({ correlationId, flow }, next);
  };
}
