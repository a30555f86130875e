import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { appointments, auditEvents, deliveries, scheduledReminders, staffUsers, type Channel, type DeliveryStatus } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { switchChangeBefore, type AgendaSwitch } from "@/lib/appointments/notification-switches";
import { inClinic } from "@/lib/clinics/scope";
import type { SkipReason } from "@/lib/notifications/skip-reasons";

type Ctx = Pick<StaffContext, "db" | "clinicId">;

// Who turned a switch off, and when: the audit entry that left it off at the time of the send.
export type Attribution = { by: string; at: Date };

// One answer to "why didn't they get it?" (or "what did they get?"), from what was recorded at
// the time, never recomputed: a delivery row (sent, delivered, skipped, failed, with its
// reason and, for a switch, who turned it off) or a reminder that never went out.
export type Explanation =
  | {
      kind: "delivery";
      id: string;
      at: Date;
      eventType: string;
      channel: Channel;
      status: DeliveryStatus;
      reason: SkipReason | null;
      error: string | null;
      attribution: Attribution | null;
      appointmentId: string | null;
    }
  | {
      kind: "reminder";
      id: string;
      at: Date;
      offsetMinutes: number;
      status: "skipped" | "cancelled";
      reason: string | null;
      appointmentId: string;
    };

const LIMIT = 100;
const SWITCH_OF: Partial<Record<Channel, AgendaSwitch>> = { sms: "sms", email: "email", whatsapp: "whatsapp", push: "push" };

async function explain(ctx: Ctx, scope: { appointmentIds: string[]; patientId?: string }): Promise<Explanation[]> {
  const { appointmentIds, patientId } = scope;
  const byAppointment = appointmentIds.length ? inArray(deliveries.appointmentId, appointmentIds) : undefined;
  const rows = await ctx.db
    .select({
      id: deliveries.id,
      at: deliveries.createdAt,
      eventType: deliveries.eventType,
      channel: deliveries.channel,
      status: deliveries.status,
      reason: deliveries.skipReason,
      error: deliveries.providerError,
      appointmentId: deliveries.appointmentId,
      agendaId: appointments.agendaId,
      motifId: appointments.motifId,
      patientId: deliveries.recipientId,
    })
    .from(deliveries)
    .leftJoin(appointments, and(eq(appointments.id, deliveries.appointmentId), eq(appointments.clinicId, deliveries.clinicId)))
    .where(inClinic(ctx, deliveries, eq(deliveries.audience, "patient"), patientId ? eq(deliveries.recipientId, patientId) : byAppointment))
    .orderBy(desc(deliveries.createdAt))
    .limit(LIMIT);

  // The switch changes behind the rows skipped for a switch, in three queries at most.
  const at = new Date(Math.max(0, ...rows.map((r) => r.at.getTime())));
  const off = (reason: string) => rows.filter((r) => r.reason === reason);
  const [agendaChanges, reasonChanges, patientChanges] = await Promise.all([
    switchChangeBefore(
      ctx,
      "agenda",
      [
        ...new Set(
          off("agenda_channel_off")
            .map((r) => r.agendaId!)
            .filter(Boolean),
        ),
      ],
      at,
    ),
    switchChangeBefore(
      ctx,
      "visit_reason",
      [
        ...new Set(
          off("motif_notifications_off")
            .map((r) => r.motifId!)
            .filter(Boolean),
        ),
      ],
      at,
    ),
    patientSwitchChanges(ctx, [...new Set(off("patient_notifications_off").map((r) => r.patientId))], at),
  ]);
  const attributionOf = (r: (typeof rows)[number]): Attribution | null => {
    const latest = <T extends { at: Date; by: string }>(changes: T[], match: (c: T) => boolean) => {
      const found = changes.find((c) => c.at <= r.at && match(c));
      return found ? { by: found.by, at: found.at } : null;
    };
    const detail = (c: { detail: unknown }) => c.detail as { id: string; switch: string; after: boolean };
    if (r.reason === "agenda_channel_off")
      return latest(
        agendaChanges,
        (c) => detail(c).id === r.agendaId && detail(c).switch === SWITCH_OF[r.channel] && detail(c).after === false,
      );
    if (r.reason === "motif_notifications_off")
      return latest(reasonChanges, (c) => detail(c).id === r.motifId && detail(c).after === false);
    if (r.reason === "patient_notifications_off") return latest(patientChanges, (c) => c.patientId === r.patientId);
    return null;
  };

  const reminderRows = appointmentIds.length
    ? await ctx.db
        .select({
          id: scheduledReminders.id,
          at: scheduledReminders.updatedAt,
          offsetMinutes: scheduledReminders.offsetMinutes,
          status: scheduledReminders.status,
          reason: scheduledReminders.reason,
          appointmentId: scheduledReminders.appointmentId,
        })
        .from(scheduledReminders)
        .where(
          inClinic(
            ctx,
            scheduledReminders,
            inArray(scheduledReminders.appointmentId, appointmentIds),
            inArray(scheduledReminders.status, ["skipped", "cancelled"]),
          ),
        )
        .orderBy(desc(scheduledReminders.updatedAt))
        .limit(LIMIT)
    : [];

  return [
    ...rows.map((r) => ({
      kind: "delivery" as const,
      id: r.id,
      at: r.at,
      eventType: r.eventType,
      channel: r.channel,
      status: r.status,
      reason: r.reason as SkipReason | null,
      error: r.error,
      attribution: attributionOf(r),
      appointmentId: r.appointmentId,
    })),
    // A reminder the appointment's cancellation called off says nothing the cancellation does not.
    ...reminderRows
      .filter((r) => r.reason !== "appointment_cancelled")
      .map((r) => ({ kind: "reminder" as const, ...r, status: r.status as "skipped" | "cancelled" })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, LIMIT);
}

// The per-patient switch lives on the record: its changes are the patient.updated entries
// that touched notificationsEnabled.
async function patientSwitchChanges(ctx: Ctx, patientIds: string[], at: Date) {
  if (!patientIds.length) return [];
  return ctx.db
    .select({ patientId: sql<string>`${auditEvents.patientId}`, at: auditEvents.at, by: staffUsers.name })
    .from(auditEvents)
    .innerJoin(staffUsers, eq(staffUsers.id, auditEvents.staffUserId))
    .where(
      and(
        eq(auditEvents.clinicId, ctx.clinicId),
        inArray(auditEvents.patientId, patientIds),
        sql`${auditEvents.detail} -> 'notificationsEnabled' ->> 'after' = 'false'`,
        sql`${auditEvents.at} <= ${at.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(auditEvents.at));
}

export function explainAppointment(ctx: Ctx, appointmentId: string) {
  return explain(ctx, { appointmentIds: [appointmentId] });
}

export async function explainPatient(ctx: Ctx, patientId: string) {
  const own = await ctx.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(inClinic(ctx, appointments, eq(appointments.patientId, patientId)));
  return explain(ctx, { appointmentIds: own.map((a) => a.id), patientId });
}
