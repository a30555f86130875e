import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, consentRecords } from "@/db/schema";
import { makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { consentHistory, consentInputSchema, recordPatientConsent } from "./consent";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("consent recorded by staff", () => {
  it("appends to the consent records, audits who recorded it, and shows in the history with them", async () => {
    const clinic = await makeClinic(handle.db);
    const reception = await staffContextFor(handle.db, clinic, "receptionist");
    const patient = await makePatient(handle.db, clinic.id, { phone: "+33611223344", email: "lea@example.com" });
    await recordPatientConsent(
      reception,
      patient.id,
      consentInputSchema.parse({ channel: "whatsapp", state: "opted_in", source: "paper_form" }),
      new Date("2027-05-01T09:00:00Z"),
    );
    await recordPatientConsent(
      reception,
      patient.id,
      consentInputSchema.parse({ channel: "whatsapp", state: "opted_out", source: "verbal" }),
      new Date("2027-05-02T09:00:00Z"),
    );
    const records = await handle.db.select().from(consentRecords).where(eq(consentRecords.address, "+33611223344"));
    expect(records.map((r) => [r.state, r.source])).toEqual([
      ["opted_in", "paper_form"],
      ["opted_out", "verbal"],
    ]);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "consent.recorded"));
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ staffUserId: reception.staff.id, patientId: patient.id });
    const { history } = await consentHistory(reception, patient.id);
    expect(history.map((h) => [h.channel, h.state, h.by])).toEqual([
      ["whatsapp", "opted_out", reception.staff.name],
      ["whatsapp", "opted_in", reception.staff.name],
    ]);
  });

  it("refuses a channel with nothing on file, naming it, and another clinic's patient as not found", async () => {
    const clinic = await makeClinic(handle.db);
    const other = await makeClinic(handle.db);
    const reception = await staffContextFor(handle.db, clinic, "receptionist");
    const noEmail = await makePatient(handle.db, clinic.id, { email: null });
    await expect(
      recordPatientConsent(reception, noEmail.id, { channel: "email", state: "opted_in", source: "verbal" }, new Date()),
    ).rejects.toMatchObject({ status: 400, fields: { channel: [expect.stringContaining("no email")] } });
    const stranger = await makePatient(handle.db, other.id);
    await expect(
      recordPatientConsent(reception, stranger.id, { channel: "sms", state: "opted_out", source: "verbal" }, new Date()),
    ).rejects.toMatchObject({ status: 404 });
    expect(consentInputSchema.safeParse({ channel: "fax", state: "maybe", source: "rumour" }).error!.issues.map((i) => i.path[0])).toEqual([
      "channel",
      "state",
      "source",
    ]);
  });
});
