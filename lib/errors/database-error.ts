// What PostgreSQL said, through whichever driver (postgres.js, PGlite) and drizzle's wrapper:
// the SQLSTATE and the constraint, so a refused write becomes a clear 409, not a 500.
export type DatabaseRefusal = { code: string; constraint?: string };

export const UNIQUE_VIOLATION = "23505";
export const EXCLUSION_VIOLATION = "23P01";

export function databaseRefusal(error: unknown): DatabaseRefusal | null {
  for (
    let e = error as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      const constraint =
        typeof e.constraint === "string" ? e.constraint : typeof e.constraint_name === "string" ? e.constraint_name : undefined;
      return { code: e.code, constraint };
    }
  }
  return null;
}
