import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { makeClinic, makePatient, makeStaff } from "@/lib/testing/factories";
import { auditEvents, type Clinic } from "@/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { NotFoundError } from "@/lib/errors/app-errors";
import { getThread } from "./get-thread";
import { listConversations, unreadCounts } from "./list-conversations";
import { logCall } from "./log-call";
import { receivePatientMessage } from "./receive-patient-message";
import { callLogSchema, conversationListSchema, threadPageSchema } from "./schemas";
import { updateConversation } from "./update-conversation";

let handle: DatabaseHandle;
let clinic: Clinic;
let other: Clinic;
let ctx: {
  db: DatabaseHandle["db"];
  clinicId: string;
  clinic: Clinic;
  staff: { id: string; name: string; email: string; role: "receptionist" };
};
const t = (minutes: number) => new Date(Date.UTC(2026, 5, 1, 9, minutes));

beforeAll(async () => {
  handle = await createTestDatabase();
  clinic = await makeClinic(handle.db);
  other = await makeClinic(handle.db);
  const staff = await makeStaff(handle.db, clinic.id, "receptionist");
  ctx = { db: handle.db, clinicId: clinic.id, clinic, staff: { id: staff.id, name: staff.name, email: staff.email, role: "receptionist" } };
  const anne = await makePatient(handle.db, clinic.id, { firstName: "Anne", phone: "+33611000001" });
  const marc = await makePatient(handle.db, clinic.id, { firstName: "Marc", phone: "+33611000002", email: "marc@example.com" });
  await makePatient(handle.db, other.id, { phone: "+33611000003" });
  await receivePatientMessage(handle.db, {
    clinicId: clinic.id,
    channel: "whatsapp",
    from: anne.phone!,
    body: "Je souhaite déplacer mon rendez-vous",
    externalId: "w1",
    at: t(1),
  });
  await receivePatientMessage(handle.db, {
    clinicId: clinic.id,
    channel: "sms",
    from: marc.phone!,
    body: "Ordonnance renouvelée ?",
    externalId: "s1",
    at: t(2),
  });
  await receivePatientMessage(handle.db, {
    clinicId: clinic.id,
    channel: "email",
    from: "marc@example.com",
    subject: "Facture",
    body: "Pouvez-vous m'envoyer la facture",
    externalId: "e1",
    at: t(3),
  });
  await receivePatientMessage(handle.db, {
    clinicId: other.id,
    channel: "sms",
    from: "+33611000003",
    body: "Ordonnance autre cabinet",
    externalId: "o1",
    at: t(4),
  });
});
afterAll(() => handle.close());

const list = (input: Record<string, string>) => listConversations(ctx, conversationListSchema.parse(input));

describe("the inbox list", () => {
  it("shows the clinic's conversations newest first, and none of another clinic's", async () => {
    const { conversations } = await list({});
    expect(conversations.map((c) => c.patientName?.split(" ")[0])).toEqual(["Marc", "Anne"]);
  });

  it("filters by type, status, direction and star, and pages by cursor", async () => {
    expect((await list({ type: "whatsapp" })).conversations.map((c) => c.patientName?.split(" ")[0])).toEqual(["Anne"]);
    expect((await list({ type: "call" })).conversations).toEqual([]);
    expect((await list({ status: "unread", direction: "inbound" })).conversations).toHaveLength(2);
    const first = await list({ limit: "1" });
    const second = await list({ limit: "1", cursor: first.nextCursor! });
    expect([first.conversations[0].id, second.conversations[0].id]).toHaveLength(2);
    expect(second.conversations[0].id).not.toBe(first.conversations[0].id);
    expect(second.nextCursor).toBeNull();
  });

  it("finds conversations by the words of their messages, archived ones included", async () => {
    const [marc] = (await list({ q: "facture" })).conversations;
    expect(marc.patientName).toContain("Marc");
    await updateConversation(ctx, marc.id, { archived: true }, t(10));
    expect((await list({})).conversations.map((c) => c.id)).not.toContain(marc.id);
    expect((await list({ q: "ordonnance" })).conversations.map((c) => c.id)).toEqual([marc.id]);
    expect((await list({ status: "archived" })).conversations.map((c) => c.id)).toEqual([marc.id]);
    await updateConversation(ctx, marc.id, { archived: false }, t(11));
  });

  it("counts unread conversations for the filter badges", async () => {
    const counts = await unreadCounts(ctx);
    expect(counts).toMatchObject({ whatsapp: 1 });
  });
});

describe("a conversation", () => {
  it("opens with its timeline newest first, and the opening is audited", async () => {
    const [anne] = (await list({ type: "whatsapp" })).conversations;
    const thread = await getThread(ctx, anne.id, threadPageSchema.parse({}));
    expect(thread.messages.map((m) => [m.direction, m.channel])).toEqual([["inbound", "whatsapp"]]);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.conversationId, anne.id));
    expect(audit).toMatchObject([{ action: "conversation.opened", staffUserId: ctx.staff.id, patientId: anne.patientId }]);
  });

  it("is read, starred and unstarred", async () => {
    const [anne] = (await list({ type: "whatsapp" })).conversations;
    expect(await updateConversation(ctx, anne.id, { read: true, starred: true }, t(20))).toMatchObject({
      status: "read",
      starred: true,
      unreadCount: 0,
    });
    expect((await list({ starred: "true" })).conversations.map((c) => c.id)).toEqual([anne.id]);
  });

  it("logs a call in the timeline with its date, duration and summary", async () => {
    const [anne] = (await list({ type: "whatsapp" })).conversations;
    const call = callLogSchema.parse({
      direction: "outbound",
      at: t(30).toISOString(),
      durationMinutes: 4,
      summary: "Rappelée pour confirmer l'heure",
    });
    await logCall(ctx, anne.id, call, t(40));
    const thread = await getThread(ctx, anne.id, threadPageSchema.parse({}));
    expect(thread.messages[0]).toMatchObject({
      channel: "call",
      callDurationSeconds: 240,
      body: "Rappelée pour confirmer l'heure",
      authorName: expect.any(String),
    });
    await expect(logCall(ctx, anne.id, { ...call, at: t(500).toISOString() }, t(40))).rejects.toMatchObject({ status: 400 });
  });

  it("of another clinic does not exist", async () => {
    const otherCtx = { ...ctx, clinicId: other.id };
    const [theirs] = (await listConversations(otherCtx, conversationListSchema.parse({}))).conversations;
    await expect(getThread(ctx, theirs.id, threadPageSchema.parse({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateConversation(ctx, theirs.id, { starred: true }, t(1))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("triage and export", () => {
  it("attaches an unknown sender to a patient, merging into the patient's conversation", async () => {
    const { attachToPatient } = await import("./attach-to-patient");
    const known = await makePatient(handle.db, clinic.id, { firstName: "Lina", phone: "+33611000010" });
    const mine = await receivePatientMessage(handle.db, {
      clinicId: clinic.id,
      channel: "sms",
      from: known.phone!,
      body: "Bonjour",
      externalId: "tri-1",
      at: t(20),
    });
    const stranger = await receivePatientMessage(handle.db, {
      clinicId: clinic.id,
      channel: "whatsapp",
      from: "+33699999999",
      body: "C'est Lina, nouveau numéro",
      externalId: "tri-2",
      at: t(21),
    });
    expect(stranger.patientId).toBeNull();
    await expect(attachToPatient({ ...ctx, clinicId: other.id }, stranger.conversationId, known.id)).rejects.toBeInstanceOf(NotFoundError);

    const result = await attachToPatient(ctx, stranger.conversationId, known.id);
    expect(result).toEqual({ conversationId: mine.conversationId, merged: true });
    const thread = await getThread(ctx, mine.conversationId, threadPageSchema.parse({}));
    expect(thread.messages.map((m) => m.body)).toEqual(["C'est Lina, nouveau numéro", "Bonjour"]);
    expect([...thread.conversation.channels].sort()).toEqual(["sms", "whatsapp"]);
    await expect(getThread(ctx, stranger.conversationId, threadPageSchema.parse({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(attachToPatient(ctx, mine.conversationId, known.id)).rejects.toMatchObject({ status: 409, code: "already_attached" });

    const alone = await makePatient(handle.db, clinic.id, { firstName: "Noé", phone: null });
    const other2 = await receivePatientMessage(handle.db, {
      clinicId: clinic.id,
      channel: "email",
      from: "noe@example.org",
      subject: "RDV",
      body: "Bonjour",
      externalId: "tri-3",
      at: t(22),
    });
    expect(await attachToPatient(ctx, other2.conversationId, alone.id)).toEqual({ conversationId: other2.conversationId, merged: false });
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "conversation.attached"));
    expect(audit.map((a) => a.patientId).sort()).toEqual([known.id, alone.id].sort());
  });

  it("exports a transcript in the clinic's time zone, and records who exported it", async () => {
    const { exportConversation } = await import("./export-conversation");
    const [anne] = (await list({ type: "whatsapp" })).conversations;
    await logCall(
      ctx,
      anne.id,
      callLogSchema.parse({ direction: "inbound", at: t(30).toISOString(), durationMinutes: 4, summary: "Rappel pour le certificat" }),
      t(31),
    );
    const exportCtx = {
      ...ctx,
      clinic: { id: clinic.id, name: "Cabinet Test", timeZone: "Europe/Paris", country: "FR", defaultLanguage: "fr" },
    } as Parameters<typeof exportConversation>[0];
    const { fileName, text } = await exportConversation(exportCtx, anne.id, t(40));
    expect(fileName).toMatch(/^conversation-anne-.*-2026-06-01\.txt$/);
    // 09:01 UTC is 11:01 in Paris in June.
    expect(text).toContain("2026-06-01 11:01 · whatsapp · inbound");
    expect(text).toContain("Je souhaite déplacer mon rendez-vous");
    expect(text).toContain("call (4 min) · inbound");
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "conversation.exported"));
    expect(audit).toMatchObject({
      staffUserId: ctx.staff.id,
      patientId: anne.patientId,
      conversationId: anne.id,
      detail: { messages: text.split("\n").filter((l) => l.startsWith("— ")).length, format: "text" },
    });
    await expect(exportConversation({ ...exportCtx, clinicId: other.id }, anne.id, t(41))).rejects.toBeInstanceOf(NotFoundError);
  });
});
