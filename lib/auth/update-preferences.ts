import "server-only";
import { and, eq } from "drizzle-orm";
import { staffUsers } from "@/db/schema";
import type { StaffPreferences } from "./preferences-schema";
import type { StaffContext } from "./staff-context";

// A staff member changes their own preferences, never another's: the row is the session's.
export async function updateMyPreferences(ctx: StaffContext, change: Partial<StaffPreferences>, now: Date): Promise<StaffPreferences> {
  const [row] = await ctx.db
    .update(staffUsers)
    .set({ ...change, updatedAt: now })
    .where(and(eq(staffUsers.clinicId, ctx.clinicId), eq(staffUsers.id, ctx.staff.id)))
    .returning({ keyboardShortcuts: staffUsers.keyboardShortcuts });
  return { keyboardShortcuts: row.keyboardShortcuts };
}
