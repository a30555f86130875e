import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

type ClinicOwned = { clinicId: PgColumn };

// The WHERE clause every clinic-owned query starts from: `where(inClinic(ctx, patients, ...))`.
// Taking the context (not an id from the request) makes the session's clinic the only possible scope.
export function inClinic(ctx: { clinicId: string }, table: ClinicOwned, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.clinicId, ctx.clinicId), ...conditions)!;
}
