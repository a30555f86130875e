import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, consentRecords, type Clinic } from "@/db/schema";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { channelAvailability } from "@/lib/notifications/decisions/channel-availability";
import { loadPatientFacts } from "@/lib/notifications/decisions/load-patient-facts";
import { makeClinic, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { patientCreateSchema, patientUpdateSchema } from "./patient-input";
import { createPatient, updatePatient } from "./save-patient";

let handle: DatabaseHandle;
let paris: Clinic;
let newYork: Clinic;
const now = new Date("2026-12-01T10:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { country: "FR", defaultLanguage: "fr" });
  newYork = await makeClinic(handle.db, { country: "US", timeZone: "America/New_York" });
});
afterAll(() => handle.close());

const create = async (clinic: Clinic, input: Record<string, unknown>) =>
  createPatient(await staffContextFor(handle.db, clinic), patientCreateSchema.parse(input), now);

describe("creating and editing a patient", () => {
  it("stores a French mobile typed as people type it in E.164, in the clinic's language, and audits it", async () => {
    const patient = await create(paris, {
      firstName: "Hélène",
      lastName: "Dupont",
      phone: "06 12 34 56 78",
      landline: "01 42 68 53 00",
      email: "Helene@Example.com",
      externalId: "P-0001",
    });
    expect(patient).toMatchObject({
      phone: "+33612345678",
      landline: "+33142685300",
      email: "helene@example.com",
      language: "fr",
      active: true,
      clinicId: paris.id,
    });
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.patientId, patient.id));
    expect(audit.action).toBe("patient.created");
    expect(audit.detail).toMatchObject({ after: { phone: { before: null, after: "+33612345678" } } });
  });

  it("reads a US number in a New York clinic", async () => {
    expect((await create(newYork, { firstName: "Helen", lastName: "Doe", phone: "(917) 382-4410" })).phone).toBe("+19173824410");
  });

  it("refuses a landline in the mobile field, a bad number and a future birth date, naming each field", async () => {
    const attempt = create(paris, { firstName: "A", lastName: "B", phone: "01 42 68 53 00", landline: "12", dateOfBirth: "2030-01-01" });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({
      fields: {
        phone: [expect.stringContaining("not a mobile")],
        landline: ["is not a phone number"],
        dateOfBirth: ["cannot be in the future"],
      },
    });
  });

  it("refuses at the edge: impossible dates, unknown fields, a bad email, empty names", () => {
    const r = patientCreateSchema.safeParse({ firstName: " ", lastName: "B", dateOfBirth: "2026-02-30", email: "nope", colour: "red" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join(".") || "_");
    expect(paths).toEqual(expect.arrayContaining(["firstName", "dateOfBirth", "email"]));
    expect(patientUpdateSchema.safeParse({}).success).toBe(false);
  });

  it("keeps the clinic's patient number unique: a second patient with it is a 409 naming the field", async () => {
    await create(paris, { firstName: "C", lastName: "D", externalId: "P-0100" });
    const again = create(paris, { firstName: "E", lastName: "F", externalId: "P-0100" });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toMatchObject({ code: "patient_number_taken", fields: { externalId: [expect.any(String)] } });
    // Another clinic may use the same number for its own patient.
    expect((await create(newYork, { firstName: "G", lastName: "H", externalId: "P-0100" })).externalId).toBe("P-0100");
  });

  it("audits each change with before and after, and cannot touch another clinic's patient", async () => {
    const patient = await create(paris, { firstName: "Iris", lastName: "Roux" });
    const ctx = await staffContextFor(handle.db, paris);
    await updatePatient(
      ctx,
      patient.id,
      patientUpdateSchema.parse({ lastName: "Roux-Martin", postalAddress: "3 rue de la Paix, 75002 Paris" }),
      now,
    );
    const rows = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.action, "patient.updated")));
    expect(rows[0].staffUserId).toBe(ctx.staff.id);
    expect(rows[0].detail).toEqual({
      lastName: { before: "Roux", after: "Roux-Martin" },
      postalAddress: { before: null, after: "3 rue de la Paix, 75002 Paris" },
    });
    await expect(updatePatient(await staffContextFor(handle.db, newYork), patient.id, { lastName: "X" }, now)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await updatePatient(ctx, patient.id, { active: false }, now);
    const [deactivated] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.action, "patient.deactivated")));
    expect(deactivated.detail).toEqual({ active: { before: true, after: false } });
  });

  it("does not carry a WhatsApp opt-in or an SMS STOP to a changed number, and says so", async () => {
    const patient = await create(paris, { firstName: "Jules", lastName: "Petit", phone: "06 11 22 33 44" });
    await handle.db.insert(consentRecords).values([
      { clinicId: paris.id, channel: "whatsapp", address: "+33611223344", state: "opted_in", source: "paper form" },
      { clinicId: paris.id, channel: "sms", address: "+33611223344", state: "opted_out", source: "STOP" },
    ]);
    const facts = async () => {
      const [row] = await handle.db.query.patients.findMany({ where: (p, { eq }) => eq(p.id, patient.id) });
      return (await loadPatientFacts(handle.db, [row])).get(patient.id)!;
    };
    const reach = async (channel: "whatsapp" | "sms") => {
      const f = await facts();
      return channelAvailability(channel, { contact: f.patient, consent: f.consent, whatsappLastInboundAt: f.whatsappLastInboundAt }, now);
    };
    expect(await reach("whatsapp")).toMatchObject({ available: true });
    expect(await reach("sms")).toEqual({ available: false, reason: "sms_opted_out" });

    const { consentStaysWith } = await updatePatient(await staffContextFor(handle.db, paris), patient.id, { phone: "06 55 44 33 22" }, now);
    expect(consentStaysWith).toEqual(["+33611223344"]);
    // The new number has neither: no opt-in (so no WhatsApp template), and no STOP (SMS goes out).
    expect(await reach("whatsapp")).toEqual({ available: false, reason: "whatsapp_no_opt_in" });
    expect(await reach("sms")).toEqual({ available: true });
  });
});

describe("a patient who already has a record", () => {
  let clinic: Clinic;
  let existing: { id: string };
  beforeAll(async () => {
    clinic = await makeClinic(handle.db, { country: "FR", defaultLanguage: "fr" });
    existing = await create(clinic, { firstName: "Hélène", lastName: "Cœurderoy", dateOfBirth: "1980-03-14", phone: "06 77 88 99 00" });
  });
  const patientsNamed = async (lastName: string) =>
    (await handle.db.query.patients.findMany({ where: (p, { and, eq }) => and(eq(p.clinicId, clinic.id), eq(p.lastName, lastName)) }))
      .length;

  it("is refused with the match when the name (typed any way) and the birth date are the same, and nothing is created", async () => {
    const attempt = create(clinic, { firstName: "helene", lastName: "COEURDEROY", dateOfBirth: "1980-03-14" });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({
      code: "possible_duplicate",
      details: { matches: [{ id: existing.id, firstName: "Hélène", lastName: "Cœurderoy", matchedBy: ["name_and_birth_date"] }] },
    });
    expect(await patientsNamed("COEURDEROY")).toBe(0);
  });

  it("is refused with the match when the mobile is the same, however it is typed", async () => {
    await expect(create(clinic, { firstName: "Paul", lastName: "Martin", phone: "+33 6 77 88 99 00" })).rejects.toMatchObject({
      code: "possible_duplicate",
      details: { matches: [{ id: existing.id, matchedBy: ["mobile"] }] },
    });
  });

  it("is created anyway with a reason, kept in the audit trail beside the records it resembles", async () => {
    const child = await create(clinic, {
      firstName: "Léo",
      lastName: "Cœurderoy",
      phone: "06 77 88 99 00",
      duplicateReason: "Her son: they share her mobile",
    });
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.patientId, child.id));
    expect(audit.detail).toMatchObject({ createdDespite: { reason: "Her son: they share her mobile", records: [existing.id] } });
  });

  it("is not a match on the same name alone, or the same name with another birth date", async () => {
    expect((await create(clinic, { firstName: "Hélène", lastName: "Cœurderoy" })).id).toBeTruthy();
    expect((await create(clinic, { firstName: "Hélène", lastName: "Cœurderoy", dateOfBirth: "1991-07-02" })).id).toBeTruthy();
    // Another clinic's record is never offered.
    expect((await create(paris, { firstName: "Hélène", lastName: "Cœurderoy", dateOfBirth: "1980-03-14" })).id).toBeTruthy();
  });
});
