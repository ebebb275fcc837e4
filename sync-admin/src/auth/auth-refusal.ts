/** Why an admin request is refused: 401, 403, or 503 when the check itself could not run. */
export type Refusal = 'unauthenticated' | 'forbidden' | 'unavailable';

export class AuthRefusal extends Error {
  constructor(
    readonly kind: Refusal,
    readonly reason: string,
  ) {
    super(reason);
  }
}
