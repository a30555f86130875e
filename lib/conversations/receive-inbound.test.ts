import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { makeClinic, makePatient } from "@/lib/testing/factories";
import { conversations, messages, patientUserProfiles, patientUsers, type Clinic } from "@/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { receivePatientMessage } from "./receive-patient-message";

let handle: DatabaseHandle;
let clinic: Clinic;
let other: Clinic;
beforeAll(async () => {
  handle = await createTestDatabase();
  clinic = await makeClinic(handle.db);
  other = await makeClinic(handle.db);
});
afterAll(() => handle.close());

const sms = (from: string, body: string, externalId: string, at = new Date()) => ({
  clinicId: clinic.id,
  channel: "sms" as const,
  from,
  body,
  externalId,
  at,
});

describe("incoming messages", () => {
  it("land in the patient's one conversation, matched on the E.164 phone, and make it unread", async () => {
    const patient = await makePatient(handle.db, clinic.id, { phone: "+33611111111" });
    await makePatient(handle.db, other.id, { phone: "+33611111111" });
    const first = await receivePatientMessage(handle.db, sms("+33611111111", "Bonjour, je serai en retard", "SM1"));
    const second = await receivePatientMessage(handle.db, { ...sms("+33611111111", "Merci", "wamid.1"), channel: "whatsapp" });
    expect(first.patientId).toBe(patient.id);
    expect(second.conversationId).toBe(first.conversationId);
    const [conversation] = await handle.db.select().from(conversations).where(eq(conversations.id, first.conversationId));
    expect(conversation).toMatchObject({ status: "unread", unreadCount: 2, lastMessagePreview: "Merci" });
    expect([...conversation.channels].sort()).toEqual(["sms", "whatsapp"]);
  });

  it("land once, however often the provider repeats them", async () => {
    await makePatient(handle.db, clinic.id, { phone: "+33622222222" });
    const a = await receivePatientMessage(handle.db, sms("+33622222222", "Hello", "SM-dup"));
    const b = await receivePatientMessage(handle.db, sms("+33622222222", "Hello", "SM-dup"));
    expect(b).toMatchObject({ duplicate: true, conversationId: a.conversationId });
    expect(await handle.db.select().from(messages).where(eq(messages.conversationId, a.conversationId))).toHaveLength(1);
  });

  it("from a phone a household shares, belong to the adult who manages the account", async () => {
    const child = await makePatient(handle.db, clinic.id, { phone: "+33633333333", firstName: "Léo", dateOfBirth: "2019-04-01" });
    const parent = await makePatient(handle.db, clinic.id, { phone: "+33633333333", firstName: "Anne", dateOfBirth: "1985-02-11" });
    const [account] = await handle.db
      .insert(patientUsers)
      .values({ clinicId: clinic.id, email: "anne.h@example.com", name: "Anne" })
      .returning();
    await handle.db.insert(patientUserProfiles).values([
      { clinicId: clinic.id, patientUserId: account.id, patientId: parent.id, relationship: "self", approved: true },
      { clinicId: clinic.id, patientUserId: account.id, patientId: child.id, relationship: "child", approved: true },
    ]);
    expect((await receivePatientMessage(handle.db, sms("+33633333333", "Pour Léo", "SM-h"))).patientId).toBe(parent.id);
  });

  it("from an unknown sender open a conversation for triage", async () => {
    const result = await receivePatientMessage(handle.db, sms("+33699999999", "Qui est-ce ?", "SM-unknown"));
    expect(result.patientId).toBeNull();
    const [conversation] = await handle.db.select().from(conversations).where(eq(conversations.id, result.conversationId));
    expect(conversation).toMatchObject({ patientId: null, contactAddress: "+33699999999", status: "unread" });
  });

  it("reopen an archived conversation", async () => {
    await makePatient(handle.db, clinic.id, { phone: "+33644444444" });
    const { conversationId } = await receivePatientMessage(handle.db, sms("+33644444444", "1", "SM-a1"));
    await handle.db.update(conversations).set({ status: "archived", archivedAt: new Date() }).where(eq(conversations.id, conversationId));
    await receivePatientMessage(handle.db, sms("+33644444444", "2", "SM-a2"));
    const [conversation] = await handle.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(conversation).toMatchObject({ status: "unread", archivedAt: null });
  });
});
