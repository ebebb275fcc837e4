import type { Logger } from 'shared';

/** The connect-payments-sdk's logger contract, backed by the app's pino logger. */
export function sdkLogger(logger: Logger) {
  return {
    debug: (obj: object, message: string) => logger.debug(obj, message),
    info: (obj: object, message: string) => logger.info(obj, message),
    warn: (obj: object, message: string) => logger.warn(obj, message),
    error: (obj: object, message: string) => logger.error(obj, message),
  };
}
