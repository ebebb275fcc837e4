/** An error answered with Linnworks' body shape: `{"Message": "…"}` (reference §7). */
export class LinnworksHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'LinnworksHttpError';
  }
}

export const INVALID_REQUEST = 'The request is invalid.';

export function badRequest(message: string = INVALID_REQUEST): LinnworksHttpError {
  return new LinnworksHttpError(400, message);
}

/** An error of the control API (tests and demo), answered as `{"error": "…"}`. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}
