// Sign-in throttling, pure: how long to wait after a number of failures. Failures beyond the
// free ones double the delay each time, up to a ceiling: a guesser slows to a crawl, and a
// delay always ends (nobody is locked out for good).
export type ThrottlePolicy = { freeFailures: number; baseDelayMs: number; maxDelayMs: number };

export function delayAfterFailures(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.freeFailures));
}

export function retryAfterSeconds(blockedUntil: Date | null, now: Date): number {
  return blockedUntil && blockedUntil > now ? Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000) : 0;
}
