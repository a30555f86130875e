import { eq, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import {
  appointments,
  auditEvents,
  consentRecords,
  conversations,
  deliveries,
  messages,
  patients,
  patientUserProfiles,
  patientUsers,
  type Clinic,
} from "@/db/schema";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";
import { loadPatientFacts } from "@/lib/notifications/decisions/load-patient-facts";
import { storeEvent } from "@/lib/notifications/events/ingest-event";
import { makeAgendaAndMotif, makeAppointment, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { mergePatients } from "./merge-patients";
import { updatePatient } from "./save-patient";
import { patientSearchSchema } from "./schemas";
import { searchPatients } from "./search-patients";

let handle: DatabaseHandle;
let paris: Clinic;
let other: Clinic;
const now = new Date("2026-12-01T10:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db);
  other = await makeClinic(handle.db);
});
afterAll(() => handle.close());

async function conversationWith(patientId: string, texts: string[], unread: number) {
  const [c] = await handle.db
    .insert(conversations)
    .values({
      clinicId: paris.id,
      patientId,
      status: unread ? "unread" : "read",
      unreadCount: unread,
      channels: ["sms"],
      directions: ["inbound"],
      lastMessageAt: now,
    })
    .returning();
  for (const body of texts)
    await handle.db.insert(messages).values({ clinicId: paris.id, conversationId: c.id, direction: "inbound", channel: "sms", body });
  return c;
}

describe("merging two records of one patient", () => {
  it("moves appointments, messages, household links and deliveries, fills the gaps, and leaves no orphan", async () => {
    const kept = await makePatient(handle.db, paris.id, { firstName: "Hélène", lastName: "Dupont", email: "helene@example.com" });
    const duplicate = await makePatient(handle.db, paris.id, {
      firstName: "Helene",
      lastName: "Dupont",
      phone: "+33612345678",
      externalId: "P-77",
    });
    const { agenda, motif } = await makeAgendaAndMotif(handle.db, paris.id);
    const refs = { clinicId: paris.id, agendaId: agenda.id, motifId: motif.id };
    await makeAppointment(handle.db, { ...refs, patientId: duplicate.id });
    await makeAppointment(handle.db, { ...refs, patientId: kept.id });
    const ours = await conversationWith(kept.id, ["Bonjour"], 0);
    await conversationWith(duplicate.id, ["Je serai en retard", "Merci"], 2);
    const [account] = await handle.db
      .insert(patientUsers)
      .values({ clinicId: paris.id, email: "famille@example.com", name: "Famille Dupont" })
      .returning();
    await handle.db
      .insert(patientUserProfiles)
      .values({ clinicId: paris.id, patientUserId: account.id, patientId: duplicate.id, relationship: "self", approved: true });
    const event = await storeEvent(
      handle.db,
      paris.id,
      { id: "merge-test", type: "clinical.report_ready", data: { patientId: duplicate.id } },
      "app",
    );
    await handle.db.insert(deliveries).values({
      clinicId: paris.id,
      eventId: event.id,
      eventType: "clinical.report_ready",
      audience: "patient",
      recipientId: duplicate.id,
      channel: "sms",
      address: "+33612345678",
      status: "sent",
    });
    await handle.db
      .insert(consentRecords)
      .values({ clinicId: paris.id, channel: "whatsapp", address: "+33612345678", state: "opted_in", source: "paper form" });

    const result = await mergePatients(await staffContextFor(handle.db, paris), kept.id, duplicate.id, now);
    expect(result.moved).toEqual({ appointments: 1, messages: 2, conversations: 1, householdLinks: 1, deliveries: 1 });
    expect(result.filled.sort()).toEqual(["externalId", "phone"]);

    const [after] = await handle.db.select().from(patients).where(eq(patients.id, kept.id));
    expect(after).toMatchObject({ phone: "+33612345678", email: "helene@example.com", externalId: "P-77", active: true });
    const [gone] = await handle.db.select().from(patients).where(eq(patients.id, duplicate.id));
    expect(gone).toMatchObject({ active: false, mergedIntoId: kept.id, externalId: null });

    // Nothing points at the duplicate any more, except the audit trail that says what happened.
    expect(await handle.db.select().from(appointments).where(eq(appointments.patientId, duplicate.id))).toEqual([]);
    expect(await handle.db.select().from(conversations).where(eq(conversations.patientId, duplicate.id))).toEqual([]);
    expect(await handle.db.select().from(patientUserProfiles).where(eq(patientUserProfiles.patientId, duplicate.id))).toEqual([]);
    expect(await handle.db.select().from(deliveries).where(eq(deliveries.recipientId, duplicate.id))).toEqual([]);
    const thread = await handle.db.select().from(messages).where(eq(messages.conversationId, ours.id));
    expect(thread.map((m) => m.body).sort()).toEqual(["Bonjour", "Je serai en retard", "Merci"]);
    const [merged] = await handle.db.select().from(conversations).where(eq(conversations.id, ours.id));
    expect(merged).toMatchObject({ unreadCount: 2, status: "unread" });
    const trail = await handle.db
      .select()
      .from(auditEvents)
      .where(or(eq(auditEvents.patientId, kept.id), eq(auditEvents.patientId, duplicate.id)));
    expect(trail.map((a) => a.action).sort()).toEqual(["patient.merged", "patient.merged_away"]);

    // The kept record now has the number, and its WhatsApp opt-in with it (consent follows addresses).
    expect((await loadPatientFacts(handle.db, [after])).get(kept.id)!.consent.whatsappOptedIn).toBe(true);
    // Search finds the person once.
    const found = await searchPatients({ db: handle.db, clinicId: paris.id, clinic: paris }, patientSearchSchema.parse({ q: "dupont" }));
    expect(found.patients.map((p) => p.id)).toEqual([kept.id]);
  });

  it("refuses a record merged into itself, twice, or across clinics", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const a = await makePatient(handle.db, paris.id);
    const b = await makePatient(handle.db, paris.id);
    const foreign = await makePatient(handle.db, other.id);
    await expect(mergePatients(ctx, a.id, a.id, now)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(mergePatients(ctx, a.id, foreign.id, now)).rejects.toBeInstanceOf(NotFoundError);
    await mergePatients(ctx, a.id, b.id, now);
    await expect(mergePatients(ctx, a.id, b.id, now)).rejects.toBeInstanceOf(ConflictError);
    // The duplicate cannot be brought back or edited: the kept record is the person now.
    await expect(updatePatient(ctx, b.id, { active: true }, now)).rejects.toMatchObject({ status: 409, code: "merged" });
  });
});
