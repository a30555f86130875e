// Repeated wrong passwords lock an account for a while. Pure: the caller passes `now`.
export type LockoutPolicy = { maxFailures: number; lockMinutes: number };

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

// Called with the failure count after this failure. Once the threshold is reached every
// further failure re-locks at once, until a successful sign-in resets the count.
export function lockAfterFailure(failedSignIns: number, now: Date, policy: LockoutPolicy): Date | null {
  if (failedSignIns < policy.maxFailures) return null;
  return new Date(now.getTime() + policy.lockMinutes * 60_000);
}
