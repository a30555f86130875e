import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { agendas, auditEvents, motifs, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { NotFoundError } from "@/lib/errors/app-errors";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "staff">;

// The switches of the French help article: per agenda, SMS (reminders, and with them the
// cancellations and moves), email, WhatsApp and app push; per visit reason, notifications at
// all. They bind appointments the practice booked (decide-patient-channels.ts); each change
// applies to the next decision and is audited as notification_switch.changed.
export const AGENDA_SWITCHES = { sms: "notifySms", email: "notifyEmail", whatsapp: "notifyWhatsapp", push: "notifyPush" } as const;
export type AgendaSwitch = keyof typeof AGENDA_SWITCHES;
export const SWITCH_AUDIT_ACTION = "notification_switch.changed";

export const switchChangeSchema = z.discriminatedUnion("target", [
  z.strictObject({
    target: z.literal("agenda"),
    id: z.uuid("must be an agenda id"),
    switch: z.enum(["sms", "email", "whatsapp", "push"], "must be sms, email, whatsapp or push"),
    on: z.boolean("must be true or false"),
  }),
  z.strictObject({ target: z.literal("visit_reason"), id: z.uuid("must be a visit reason id"), on: z.boolean("must be true or false") }),
]);
export type SwitchChange = z.output<typeof switchChangeSchema>;

// Who last changed each switch, and when (from the audit trail).
type LastChange = { by: string; at: Date };
async function lastChanges(ctx: Ctx) {
  const rows = await ctx.db
    .selectDistinctOn([sql`${auditEvents.detail}->>'target'`, sql`${auditEvents.detail}->>'id'`, sql`${auditEvents.detail}->>'switch'`], {
      detail: auditEvents.detail,
      at: auditEvents.at,
      by: staffUsers.name,
    })
    .from(auditEvents)
    .innerJoin(staffUsers, eq(staffUsers.id, auditEvents.staffUserId))
    .where(inClinic(ctx, auditEvents, eq(auditEvents.action, SWITCH_AUDIT_ACTION)))
    .orderBy(
      sql`${auditEvents.detail}->>'target'`,
      sql`${auditEvents.detail}->>'id'`,
      sql`${auditEvents.detail}->>'switch'`,
      desc(auditEvents.at),
    );
  const changes = new Map<string, LastChange>();
  for (const r of rows) {
    const d = r.detail as { target: string; id: string; switch: string };
    changes.set(`${d.target}:${d.id}:${d.switch}`, { by: r.by, at: r.at });
  }
  return changes;
}

export async function listNotificationSwitches(ctx: Ctx) {
  const [agendaRows, reasonRows, changes] = await Promise.all([
    ctx.db
      .select()
      .from(agendas)
      .where(inClinic(ctx, agendas, isNull(agendas.retiredAt)))
      .orderBy(asc(agendas.name)),
    ctx.db
      .select({ id: motifs.id, name: motifs.name, notificationsEnabled: motifs.notificationsEnabled })
      .from(motifs)
      .where(inClinic(ctx, motifs))
      .orderBy(asc(motifs.name)),
    lastChanges(ctx),
  ]);
  const switchKeys = Object.keys(AGENDA_SWITCHES) as AgendaSwitch[];
  return {
    agendas: agendaRows.map((a) => ({
      id: a.id,
      name: a.name,
      switches: Object.fromEntries(
        switchKeys.map((s) => [s, { on: a[AGENDA_SWITCHES[s]], lastChange: changes.get(`agenda:${a.id}:${s}`) ?? null }]),
      ) as Record<AgendaSwitch, { on: boolean; lastChange: LastChange | null }>,
    })),
    visitReasons: reasonRows.map((m) => ({ ...m, lastChange: changes.get(`visit_reason:${m.id}:notifications`) ?? null })),
  };
}

// One switch, on or off, in the transaction that audits it. Turning a switch to what it
// already is changes and records nothing.
export async function changeNotificationSwitch(ctx: Ctx, change: SwitchChange, now: Date) {
  return ctx.db.transaction(async (tx) => {
    if (change.target === "agenda") {
      const column = AGENDA_SWITCHES[change.switch];
      const [before] = await tx
        .select()
        .from(agendas)
        .where(inClinic(ctx, agendas, eq(agendas.id, change.id)))
        .for("update");
      if (!before) throw new NotFoundError("Agenda");
      if (before[column] !== change.on) {
        await tx
          .update(agendas)
          .set({ [column]: change.on })
          .where(inClinic(ctx, agendas, eq(agendas.id, change.id)));
        await recordAudit(
          tx,
          ctx,
          {
            action: SWITCH_AUDIT_ACTION,
            detail: { target: "agenda", id: change.id, name: before.name, switch: change.switch, before: before[column], after: change.on },
          },
          now,
        );
      }
      return { target: "agenda", id: change.id, switch: change.switch, on: change.on };
    }
    const [before] = await tx
      .select()
      .from(motifs)
      .where(inClinic(ctx, motifs, eq(motifs.id, change.id)))
      .for("update");
    if (!before) throw new NotFoundError("Visit reason");
    if (before.notificationsEnabled !== change.on) {
      await tx
        .update(motifs)
        .set({ notificationsEnabled: change.on })
        .where(inClinic(ctx, motifs, eq(motifs.id, change.id)));
      await recordAudit(
        tx,
        ctx,
        {
          action: SWITCH_AUDIT_ACTION,
          detail: {
            target: "visit_reason",
            id: change.id,
            name: before.name,
            switch: "notifications",
            before: before.notificationsEnabled,
            after: change.on,
          },
        },
        now,
      );
    }
    return { target: "visit_reason", id: change.id, switch: "notifications", on: change.on };
  });
}

// The change that left a switch as it was at `at`: who and when, for the explainer.
export async function switchChangeBefore(ctx: Pick<Ctx, "db" | "clinicId">, target: "agenda" | "visit_reason", ids: string[], at: Date) {
  if (!ids.length) return [];
  return ctx.db
    .select({ detail: auditEvents.detail, at: auditEvents.at, by: staffUsers.name })
    .from(auditEvents)
    .innerJoin(staffUsers, eq(staffUsers.id, auditEvents.staffUserId))
    .where(
      and(
        eq(auditEvents.clinicId, ctx.clinicId),
        eq(auditEvents.action, SWITCH_AUDIT_ACTION),
        sql`${auditEvents.detail}->>'target' = ${target}`,
        inArray(sql`${auditEvents.detail}->>'id'`, ids),
        sql`${auditEvents.at} <= ${at.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(auditEvents.at));
}
