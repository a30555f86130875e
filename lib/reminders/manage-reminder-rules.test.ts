import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, scheduledReminders, type Clinic } from "@/db/schema";
import { parseInput } from "@/lib/errors/parse-input";
import { makeBookableAgenda, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { listReminderRules, removeReminderRule, saveReminderRule } from "./manage-reminder-rules";
import { reminderRuleSchema } from "./reminder-rule-input";

let handle: DatabaseHandle;
let clinic: Clinic;
beforeAll(async () => {
  handle = await createTestDatabase();
  clinic = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
});
afterAll(() => handle.close());

const rule = (input: unknown) => parseInput(reminderRuleSchema, input, "reminder rule");
const quiet = { startsAt: "21:00", endsAt: "08:00" };

describe("a reminder rule as an admin writes it", () => {
  it("is refused with the field named: a negative offset, an unknown channel, quiet hours that do not parse", () => {
    const refused = (input: unknown) => {
      try {
        rule(input);
      } catch (error) {
        return error as { status: number; fields: Record<string, string[]> };
      }
      throw new Error("accepted");
    };
    const bad = refused({ steps: [{ offsetMinutes: -60, channels: ["pigeon"] }], quietHours: { startsAt: "9pm", endsAt: "25:00" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.fields).sort()).toEqual([
      "quietHours.endsAt",
      "quietHours.startsAt",
      "steps.0.channels.0",
      "steps.0.offsetMinutes",
    ]);
    expect(bad.fields["steps.0.offsetMinutes"]).toEqual(["must be at least 5 minutes before the start"]);
    const backup = refused({
      steps: [{ offsetMinutes: 30, channels: ["whatsapp"], backup: { afterMinutes: 45, until: "delivered" } }],
      quietHours: quiet,
    });
    expect(Object.keys(backup.fields).sort()).toEqual(["steps.0.backup", "steps.0.backup.afterMinutes"]);
    const twice = refused({
      steps: [
        { offsetMinutes: 60, channels: ["sms", "sms"] },
        { offsetMinutes: 60, channels: ["email"] },
      ],
      quietHours: quiet,
    });
    expect(Object.keys(twice.fields).sort()).toEqual(["steps", "steps.0.channels"]);
  });

  it("re-plans the upcoming appointments it covers, and is audited", async () => {
    const admin = await staffContextFor(handle.db, clinic, "admin");
    const { agenda, motif } = await makeBookableAgenda(handle.db, clinic.id);
    const patient = await makePatient(handle.db, clinic.id);
    const now = new Date("2027-02-01T08:00:00Z");
    const { appointment } = await bookAppointment(
      await staffContextFor(handle.db, clinic),
      { agendaId: agenda.id, visitReasonId: motif.id, patientId: patient.id, startsAt: "2027-02-10T15:00" },
      now,
    );
    const offsets = async () =>
      (
        await handle.db
          .select()
          .from(scheduledReminders)
          .where(and(eq(scheduledReminders.appointmentId, appointment.id), eq(scheduledReminders.status, "scheduled")))
      )
        .map((r) => r.offsetMinutes)
        .sort((a, b) => b - a);
    expect(await offsets()).toEqual([1440, 120, 30]);

    const steps = [
      { offsetMinutes: 1440, channels: ["whatsapp", "push"], backup: { afterMinutes: 15, until: "delivered" } },
      { offsetMinutes: 180, channels: ["whatsapp", "push"], backup: null },
    ];
    const saved = await saveReminderRule(admin, rule({ agendaId: agenda.id, steps, quietHours: quiet }), now);
    expect(saved.replanned).toBe(1);
    expect(await offsets()).toEqual([1440, 180]);
    const [cancelled] = await handle.db
      .select()
      .from(scheduledReminders)
      .where(and(eq(scheduledReminders.appointmentId, appointment.id), eq(scheduledReminders.offsetMinutes, 120)));
    expect(cancelled).toMatchObject({ status: "cancelled", reason: "rule_changed" });
    const { overrides } = await listReminderRules(admin);
    expect(overrides).toEqual([expect.objectContaining({ agendaId: agenda.id, quietHours: { startsAt: 21 * 60, endsAt: 8 * 60 } })]);
    const [audit] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.action, "reminder_rule.saved")));
    expect(audit.detail).toMatchObject({ agendaId: agenda.id, before: null, replanned: 1 });

    // Removing the override brings the clinic's rule (here the default) back.
    await removeReminderRule(admin, saved.rule.id!, now);
    expect(await offsets()).toEqual([1440, 120, 30]);
  });
});
