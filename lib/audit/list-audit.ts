import "server-only";
import { asc, desc, eq, gte, like, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { auditEvents, staffUsers } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { cursorSchema, encodeCursor } from "@/lib/paging/cursor";
import { clinicDayRange, localDateSchema } from "@/lib/time/clinic-time";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// What the audit viewer filters on: the kinds of change, by their actions' prefixes.
export const AUDIT_KINDS = {
  settings: [
    "notification_switch.",
    "channel.",
    "event_channels.",
    "template.",
    "alert_route.",
    "reminder_rule.",
    "agenda.",
    "visit_reason.",
    "closure.",
  ],
  patients: ["patient.", "patients.", "household.", "consent.", "appointment."],
  conversations: ["conversation.", "deliveries.exported"],
  staff: ["staff."],
} as const;
export type AuditKind = keyof typeof AUDIT_KINDS;

const blank = (v: unknown) => (v === "" ? undefined : v);
export const auditQuerySchema = z.object({
  staff: z.preprocess(blank, z.uuid("must be a staff id").optional()),
  kind: z.preprocess(
    blank,
    z.enum(Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]], "must be settings, patients, conversations or staff").optional(),
  ),
  from: z.preprocess(blank, localDateSchema.optional()),
  to: z.preprocess(blank, localDateSchema.optional()),
  cursor: z.preprocess(blank, cursorSchema(z.tuple([z.iso.datetime(), z.uuid()])).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

// The clinic's audit trail, newest first: who changed what and when, with before and after.
export async function listAudit(ctx: Ctx, q: AuditQuery) {
  const { timeZone } = ctx.clinic;
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      detail: auditEvents.detail,
      patientId: auditEvents.patientId,
      conversationId: auditEvents.conversationId,
      staffUserId: auditEvents.staffUserId,
      staffName: staffUsers.name,
    })
    .from(auditEvents)
    .innerJoin(staffUsers, eq(staffUsers.id, auditEvents.staffUserId))
    .where(
      inClinic(
        ctx,
        auditEvents,
        q.staff ? eq(auditEvents.staffUserId, q.staff) : undefined,
        q.kind ? or(...AUDIT_KINDS[q.kind].map((prefix) => like(auditEvents.action, `${prefix}%`))) : undefined,
        q.from ? gte(auditEvents.at, clinicDayRange(q.from, timeZone).start) : undefined,
        q.to ? lt(auditEvents.at, clinicDayRange(q.to, timeZone).end) : undefined,
        q.cursor
          ? sql`(${auditEvents.at}, ${auditEvents.id}) < (${new Date(q.cursor[0]).toISOString()}::timestamptz, ${q.cursor[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const staff = await ctx.db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(inClinic(ctx, staffUsers))
    .orderBy(asc(staffUsers.name));
  return { entries: page, staff, nextCursor: rows.length > q.limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null };
}
