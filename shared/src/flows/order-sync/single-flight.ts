/**
 * Concurrent calls with the same key share one run (deliveries of one order's messages in one
 * process); a call after the run settled starts a new one.
 */
export function singleFlight<T>(): (key: string, start: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>();

  return (key, start) => {
    let run = inFlight.get(key);
    if (!run) {
      run = start().finally(() => inFlight.delete(key));
      inFlight.set(key, run);
    }

    return run;
  };
}
