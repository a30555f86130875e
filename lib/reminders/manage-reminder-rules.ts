import "server-only";
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { agendas, appointments, motifs, reminderRules, type ReminderRule } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { NotFoundError } from "@/lib/errors/app-errors";
import { UPCOMING_STATUSES } from "@/lib/scheduling/appointment-status";
import { DEFAULT_QUIET_HOURS, DEFAULT_REMINDER_STEPS } from "@/lib/reminders/reminder-plan";
import type { ReminderRuleInput } from "./reminder-rule-input";
import { loadReminderRules, syncReminders } from "./schedule-reminders";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;
type Tx = Parameters<Parameters<Ctx["db"]["transaction"]>[0]>[0];

// A rule as the settings page shows it; `clinic` is null for the product's default.
export type ReminderRuleView = {
  id: string | null;
  agendaId: string | null;
  visitReasonId: string | null;
  steps: ReminderRule["steps"];
  quietHours: { startsAt: number; endsAt: number };
};

const view = (r: ReminderRule): ReminderRuleView => ({
  id: r.id,
  agendaId: r.agendaId,
  visitReasonId: r.motifId,
  steps: r.steps,
  quietHours: { startsAt: r.quietStartsAt, endsAt: r.quietEndsAt },
});

export const DEFAULT_RULE_VIEW: ReminderRuleView = {
  id: null,
  agendaId: null,
  visitReasonId: null,
  steps: DEFAULT_REMINDER_STEPS,
  quietHours: DEFAULT_QUIET_HOURS,
};

// The clinic's rule (or the default) and its overrides, agendas first.
export async function listReminderRules(ctx: Pick<Ctx, "db" | "clinicId">) {
  const rows = await ctx.db.select().from(reminderRules).where(inClinic(ctx, reminderRules)).orderBy(asc(reminderRules.updatedAt));
  const clinicRule = rows.find((r) => !r.agendaId && !r.motifId);
  return { clinic: clinicRule ? view(clinicRule) : DEFAULT_RULE_VIEW, overrides: rows.filter((r) => r !== clinicRule).map(view) };
}

// The appointments a rule of this scope may change, re-planned in the same transaction: a
// change applies to reminders not sent yet, never to those already gone.
async function replanUpcoming(tx: Tx, ctx: Ctx, scope: { agendaId: string | null; motifId: string | null }, now: Date) {
  const upcoming = await tx
    .select()
    .from(appointments)
    .where(
      inClinic(
        ctx,
        appointments,
        gt(appointments.startsAt, now),
        inArray(appointments.status, [...UPCOMING_STATUSES]),
        scope.agendaId ? eq(appointments.agendaId, scope.agendaId) : undefined,
        scope.motifId ? eq(appointments.motifId, scope.motifId) : undefined,
      ),
    );
  const rules = await loadReminderRules(tx, ctx.clinicId);
  for (const appointment of upcoming) await syncReminders(tx, appointment, now, rules);
  return upcoming.length;
}

async function checkScope(tx: Tx, ctx: Ctx, input: Pick<ReminderRuleInput, "agendaId" | "visitReasonId">) {
  if (input.agendaId) {
    const [agenda] = await tx
      .select({ id: agendas.id })
      .from(agendas)
      .where(inClinic(ctx, agendas, eq(agendas.id, input.agendaId)));
    if (!agenda) throw new NotFoundError("Agenda");
  }
  if (input.visitReasonId) {
    const [motif] = await tx
      .select({ id: motifs.id })
      .from(motifs)
      .where(inClinic(ctx, motifs, eq(motifs.id, input.visitReasonId)));
    if (!motif) throw new NotFoundError("Visit reason");
  }
}

const scopeIs = (agendaId: string | null, motifId: string | null) =>
  and(
    agendaId ? eq(reminderRules.agendaId, agendaId) : isNull(reminderRules.agendaId),
    motifId ? eq(reminderRules.motifId, motifId) : isNull(reminderRules.motifId),
  );

// Saves the rule of one scope (creating or replacing it), audited, and re-plans the reminders
// of the upcoming appointments it covers.
export async function saveReminderRule(ctx: Ctx, input: ReminderRuleInput, now: Date) {
  return ctx.db.transaction(async (tx) => {
    await checkScope(tx, ctx, input);
    const scope = { agendaId: input.agendaId, motifId: input.visitReasonId };
    const [before] = await tx
      .select()
      .from(reminderRules)
      .where(inClinic(ctx, reminderRules, scopeIs(scope.agendaId, scope.motifId)))
      .for("update");
    const values = { steps: input.steps, quietStartsAt: input.quietHours.startsAt, quietEndsAt: input.quietHours.endsAt, updatedAt: now };
    const [rule] = before
      ? await tx.update(reminderRules).set(values).where(eq(reminderRules.id, before.id)).returning()
      : await tx
          .insert(reminderRules)
          .values({ clinicId: ctx.clinicId, ...scope, ...values })
          .returning();
    const replanned = await replanUpcoming(tx, ctx, scope, now);
    await recordAudit(
      tx,
      ctx,
      {
        action: "reminder_rule.saved",
        detail: { ruleId: rule.id, ...scope, before: before ? view(before) : null, after: view(rule), replanned },
      },
      now,
    );
    return { rule: view(rule), replanned };
  });
}

// Removes an override (its scope follows the clinic's rule again) or the clinic's own rule
// (back to the product's default).
export async function removeReminderRule(ctx: Ctx, ruleId: string, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [rule] = await tx
      .delete(reminderRules)
      .where(inClinic(ctx, reminderRules, eq(reminderRules.id, ruleId)))
      .returning();
    if (!rule) throw new NotFoundError("Reminder rule");
    const replanned = await replanUpcoming(tx, ctx, { agendaId: rule.agendaId, motifId: rule.motifId }, now);
    await recordAudit(tx, ctx, { action: "reminder_rule.removed", detail: { ruleId, before: view(rule), replanned } }, now);
    return { replanned };
  });
}
