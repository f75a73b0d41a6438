/** How many frames one socket may send: a burst, refilled at a steady rate (a token bucket). */
export interface FrameBudgetLimit {
  burst: number;
  perSecond: number;
}

/**
 * What a browser sends on its live socket, with room to spare, and no more:
 * - a call's start is the busiest moment: the join, the offer or answer, and one frame per ICE
 *   candidate, which for a laptop with Wi-Fi, a VPN and IPv4 and IPv6 over UDP and TCP plus STUN
 *   and TURN candidates is tens of frames within a second; a renegotiation (screen sharing, a
 *   network change restarting ICE) repeats it. 100 holds two such bursts back to back.
 * - steadily, a tab sends typing frames (at most one per thread every 3 s) and now and then a
 *   signal: well under 5 a second. 20 a second is four times that.
 * A flood of thousands of frames a second is cut off after about a hundred.
 */
export const FRAME_BUDGET: FrameBudgetLimit = { burst: 100, perSecond: 20 };

/** One socket's budget: `take()` spends a frame's token, false once the socket has none left. */
export function createFrameBudget(limit: FrameBudgetLimit = FRAME_BUDGET, now = () => performance.now()) {
  let tokens = limit.burst;
  let at = now();
  return {
    take(): boolean {
      const t = now();
      tokens = Math.min(limit.burst, tokens + ((t - at) / 1000) * limit.perSecond);
      at = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
