import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { appointments, closures, events, patientImportErrors, patientImports, scheduledReminders, type Clinic } from "@/db/schema";
import { makeBookableAgenda, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { processImport, startImport } from "./process-import";
import { rowToAppointment, suggestAppointmentMapping } from "./row-to-appointment";
import { uploadImport } from "./upload-import";

// Future appointments from the previous software, booked through the same rules as a booking
// made in the agenda. Paris; the agenda opens Monday to Saturday 08–12 and 14–18.
let handle: DatabaseHandle;
let paris: Clinic;
let agendaName: string;
let reasonName: string;
let agendaId: string;
const now = new Date("2026-12-01T10:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { country: "FR", timeZone: "Europe/Paris" });
  const { agenda, motif } = await makeBookableAgenda(handle.db, paris.id, { durationMinutes: 20 });
  [agendaName, reasonName, agendaId] = [agenda.name, motif.name, agenda.id];
  for (const externalId of ["P1", "P2", "P3"]) await makePatient(handle.db, paris.id, { externalId });
  await handle.db
    .insert(closures)
    .values({ clinicId: paris.id, agendaId, startsOn: "2026-12-10", endsOn: "2026-12-10", reason: "Formation" });
});
afterAll(() => handle.close());

const file = () => {
  // The agenda's name as the old software writes it: upper case.
  const a = agendaName.toUpperCase();
  const rows = [
    "N° dossier;Agenda;Motif;Date;Heure",
    `P1;${a};${reasonName};08/12/2026;09:00`,
    `P2;${a};${reasonName};08/12/2026;09:10`,
    `P1;${a};${reasonName};09/12/2026;21:00`,
    `P3;${a};${reasonName};10/12/2026;09:00`,
    `P9;${a};${reasonName};11/12/2026;09:00`,
    `P1;Autre agenda;${reasonName};11/12/2026;10:00`,
    `P1;${a};Ostéopathie;11/12/2026;10:00`,
    `P1;${a};${reasonName};30/11/2026;09:00`,
    `P1;${a};${reasonName};31/02/2027;09:00`,
    `P2;${a};${reasonName};11/12/2026;9h30`,
  ];
  return new TextEncoder().encode(`${rows.join("\n")}\n`);
};
const REASONS = [
  "3 2026-12-08 09:10 is taken by another appointment on AGENDA",
  "4 2026-12-09 21:00 is outside this agenda's opening hours (or runs past them)",
  "5 2026-12-10 09:00 is on a day this agenda is closed",
  '6 no patient has the number "P9" (import the patients first)',
  '7 agenda "Autre agenda" is not one of the clinic\'s open agendas',
  '8 visit reason "Ostéopathie" is not one of the clinic\'s visit reasons',
  "9 2026-11-30 09:00 is in the past",
  '10 date "31/02/2027" does not exist',
];

describe("importing future appointments", () => {
  it("reads a row's date and time as the clinic writes them, and says what cannot be read", () => {
    const mapping = suggestAppointmentMapping(["N° dossier", "Agenda", "Motif", "Date", "Heure"]);
    expect(mapping).toEqual({ externalId: 0, agenda: 1, visitReason: 2, date: 3, time: 4 });
    const read = (date: string, time: string, country = "FR") => {
      const r = rowToAppointment(["P1", "A", "M", date, time], mapping, country);
      return r.ok ? r.appointment.startsAt : r.reason;
    };
    expect(read("08/12/2026", "9h30")).toBe("2026-12-08T09:30");
    expect(read("12/08/2026", "2:15 PM", "US")).toBe("2026-12-08T14:15");
    expect(read("2026-12-08 14:15", "")).toBe("2026-12-08T14:15");
    expect(read("08/12/2026", "")).toBe("the time is missing");
    expect(read("08/12/2026", "25:00")).toBe('time "25:00" is not a time of day');
    expect(read("le 8 décembre", "09:00")).toBe('date "le 8 décembre" is not a date');
  });

  it("books each row through the booking rules, lists each one refused with its reason, and books nothing twice", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const uploaded = await uploadImport(ctx, { name: "rdv.csv", bytes: file() }, "appointments");
    expect(uploaded.mapping).toEqual({ externalId: 0, agenda: 1, visitReason: 2, date: 3, time: 4 });
    const mine = () => handle.db.select().from(appointments).where(eq(appointments.agendaId, agendaId));

    // A dry run asks every rule and books nothing.
    const dry = await processImport(ctx, uploaded.import.id, uploaded.mapping, { dryRun: true }, now);
    expect(dry).toMatchObject({ rows: 10, created: 2, skipped: 8 });
    expect(await mine()).toEqual([]);

    const { run } = await startImport(ctx, uploaded.import.id, uploaded.mapping, now);
    await run();
    const [done] = await handle.db.select().from(patientImports).where(eq(patientImports.id, uploaded.import.id));
    expect(done).toMatchObject({ kind: "appointments", status: "done", processed: 10, created: 2, updated: 0, skipped: 8 });
    const errors = await handle.db.select().from(patientImportErrors).where(eq(patientImportErrors.importId, uploaded.import.id));
    expect(errors.sort((a, b) => a.line - b.line).map((e) => `${e.line} ${e.reason}`)).toEqual(
      REASONS.map((r) => r.replace("AGENDA", agendaName)),
    );

    // Booked with their reminders, and no confirmation sent: the patients booked long ago.
    const booked = await mine();
    expect(booked.map((a) => a.startsAt.toISOString()).sort()).toEqual(["2026-12-08T08:00:00.000Z", "2026-12-11T08:30:00.000Z"]);
    const reminders = await handle.db
      .select()
      .from(scheduledReminders)
      .where(
        inArray(
          scheduledReminders.appointmentId,
          booked.map((a) => a.id),
        ),
      );
    expect(new Set(reminders.map((r) => r.appointmentId)).size).toBe(2);
    const confirmations = await handle.db
      .select()
      .from(events)
      .where(and(eq(events.clinicId, paris.id), eq(events.type, "appointment.confirmed")));
    expect(confirmations).toEqual([]);

    // The same file again: the two are already there, nothing is booked twice.
    const again = await uploadImport(ctx, { name: "rdv.csv", bytes: file() }, "appointments");
    const second = await startImport(ctx, again.import.id, again.mapping, now);
    await second.run();
    const [redone] = await handle.db.select().from(patientImports).where(eq(patientImports.id, again.import.id));
    expect(redone).toMatchObject({ created: 0, updated: 2 });
    expect(await mine()).toHaveLength(2);
  });

  it("refuses a mapping without the agenda, in words", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const uploaded = await uploadImport(ctx, { name: "rdv.csv", bytes: file() }, "appointments");
    await expect(
      processImport(ctx, uploaded.import.id, { externalId: 0, visitReason: 2, date: 3 }, { dryRun: true }, now),
    ).rejects.toMatchObject({ status: 400, fields: { mapping: ["must map externalId, agenda, visitReason, date"] } });
  });
});
