import "server-only";
import type { Database } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";

// Who changed what, and when: before and after, for the fields that changed. Written in the
// transaction of the change itself, so no change is saved without its trail.
export type AuditEntry = { action: string; patientId?: string; conversationId?: string; detail?: Record<string, unknown> };

export async function recordAudit(db: Database, ctx: Pick<StaffContext, "clinicId" | "staff">, entry: AuditEntry, now: Date) {
  await db.insert(auditEvents).values({ clinicId: ctx.clinicId, staffUserId: ctx.staff.id, ...entry, at: now });
}

// The fields that differ between two versions of a record, as { field: { before, after } }.
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
  fields: readonly (keyof T)[],
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields)
    if (before[field] !== after[field]) changes[field as string] = { before: before[field] ?? null, after: after[field] ?? null };
  return changes;
}
