/** The bytes of webhook bodies being read, verified and stored at once, shared by every request. */
export interface BodyBudget {
  /** Reserves `bytes`; returns the release (idempotent), or undefined when they do not fit now. */
  tryReserve(bytes: number): (() => void) | undefined;
  /** Bytes reserved now. */
  inFlight(): number;
}

/**
 * A budget of `limitBytes` for bodies in flight. Before the signature is checked a body is anyone's; without a
 * cap, 20 parallel 25 MB bodies hold 500 MB. Past the budget a request is refused before its body is read.
 */
export function createBodyBudget(limitBytes: number): BodyBudget {
  let reserved = 0;
  return {
    tryReserve(bytes) {
      if (reserved + bytes > limitBytes) return undefined;
      reserved += bytes;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        reserved -= bytes;
      };
    },
    inFlight: () => reserved,
  };
}
