import { and, count, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { appointments, clinics, patientUserProfiles, patients, scheduledReminders, staffUsers } from "@/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { staffRoleEnum, appointmentStatusEnum } from "@/db/schema";
import { isSeeded, seedDemo } from "./demo";

let handle: DatabaseHandle;
const now = new Date("2026-11-18T10:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, now);
}, 120_000);
afterAll(() => handle.close());

describe("the demo clinic seed", () => {
  it("creates two demo clinics in two time zones, each with every staff role", async () => {
    expect(await isSeeded(handle.db)).toBe(true);
    const rows = await handle.db.select().from(clinics);
    expect(rows.map((c) => c.timeZone).sort()).toEqual(["America/New_York", "Europe/Paris"]);
    for (const clinic of rows) {
      const roles = await handle.db.selectDistinct({ role: staffUsers.role }).from(staffUsers).where(eq(staffUsers.clinicId, clinic.id));
      expect(roles.map((r) => r.role).sort()).toEqual([...staffRoleEnum.enumValues].sort());
    }
  });

  it("has about 200 patients, households, and patients without email or phone", async () => {
    const [{ n }] = await handle.db.select({ n: count() }).from(patients);
    expect(n).toBeGreaterThanOrEqual(200);
    expect(n).toBeLessThan(220);
    const [{ noEmail }] = await handle.db.select({ noEmail: count() }).from(patients).where(isNull(patients.email));
    const [{ noPhone }] = await handle.db.select({ noPhone: count() }).from(patients).where(isNull(patients.phone));
    expect(noEmail).toBeGreaterThan(0);
    expect(noPhone).toBeGreaterThan(0);
    const [{ children }] = await handle.db
      .select({ children: count() })
      .from(patientUserProfiles)
      .where(eq(patientUserProfiles.relationship, "child"));
    expect(children).toBeGreaterThan(10);
  });

  it("has about 1,000 appointments over the 30 days either side of today, in every status", async () => {
    const [{ n, first, last }] = await handle.db
      .select({ n: count(), first: sql<string>`min(${appointments.startsAt})`, last: sql<string>`max(${appointments.startsAt})` })
      .from(appointments);
    expect(n).toBeGreaterThan(850);
    expect(n).toBeLessThan(1150);
    expect(new Date(first).getTime()).toBeGreaterThan(now.getTime() - 31 * 86400_000);
    expect(new Date(last).getTime()).toBeLessThan(now.getTime() + 31 * 86400_000);
    const statuses = await handle.db.selectDistinct({ status: appointments.status }).from(appointments);
    expect(statuses.map((s) => s.status).sort()).toEqual([...appointmentStatusEnum.enumValues].sort());
  });

  it("never books a past appointment as upcoming-only statuses, nor a future one as completed", async () => {
    const [{ wrong }] = await handle.db
      .select({ wrong: count() })
      .from(appointments)
      .where(
        or(
          and(gt(appointments.startsAt, now), inArray(appointments.status, ["completed", "no_show", "seen"])),
          and(lt(appointments.endsAt, now), eq(appointments.status, "pending_approval")),
        ),
      );
    expect(wrong).toBe(0);
  });

  it("plans the upcoming appointments' reminders, one due two minutes after the seed with its push backup five minutes on", async () => {
    const [soon] = await handle.db.select().from(appointments).where(eq(appointments.bookingReference, "SA-SOON01"));
    expect(soon.startsAt.getTime() - now.getTime()).toBe(122 * 60_000);
    const rows = await handle.db.select().from(scheduledReminders).where(eq(scheduledReminders.appointmentId, soon.id));
    expect(
      rows
        .sort((a, b) => b.offsetMinutes - a.offsetMinutes)
        .map((r) => [r.offsetMinutes, r.dueAt.toISOString(), r.backupDueAt?.toISOString() ?? null, r.channels]),
    ).toEqual([
      [120, "2026-11-18T10:02:00.000Z", "2026-11-18T10:07:00.000Z", ["whatsapp", "push"]],
      [30, "2026-11-18T11:32:00.000Z", null, ["push", "sms"]],
    ]);
    const [{ n }] = await handle.db.select({ n: count() }).from(scheduledReminders).where(eq(scheduledReminders.status, "scheduled"));
    expect(n).toBeGreaterThan(300);
  });
});
