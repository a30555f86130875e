import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { attachments, conversations, deliveries, messages, staffNotifications, staffPushSubscriptions } from "@/db/schema";
import { storeEvent } from "@/lib/notifications/events/ingest-event";
import { makeClinic, makePatient, makeStaff } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

// Every cross-table key carries the clinic: a row of one clinic cannot point at another's.
describe("composite clinic keys", () => {
  it("refuse a conversation, message, attachment, push subscription or staff alert pointing into another clinic", async () => {
    const db = handle.db;
    const [paris, hudson] = [await makeClinic(db), await makeClinic(db)];
    const [parisPatient, hudsonPatient] = [await makePatient(db, paris.id), await makePatient(db, hudson.id)];
    const [parisStaff, hudsonStaff] = [await makeStaff(db, paris.id, "receptionist"), await makeStaff(db, hudson.id, "receptionist")];
    const [conversation] = await db.insert(conversations).values({ clinicId: paris.id, patientId: parisPatient.id }).returning();
    const [message] = await db
      .insert(messages)
      .values({ clinicId: paris.id, conversationId: conversation.id, direction: "inbound", channel: "sms", body: "Bonjour" })
      .returning();
    const refused = (insert: Promise<unknown>) =>
      insert.then(
        () => "accepted",
        () => "refused",
      );

    expect(await refused(db.insert(conversations).values({ clinicId: paris.id, patientId: hudsonPatient.id }))).toBe("refused");
    expect(
      await refused(db.insert(conversations).values({ clinicId: hudson.id, patientId: hudsonPatient.id, startedByStaffId: parisStaff.id })),
    ).toBe("refused");
    expect(
      await refused(
        db
          .insert(messages)
          .values({ clinicId: hudson.id, conversationId: conversation.id, direction: "inbound", channel: "sms", body: "x" }),
      ),
    ).toBe("refused");
    expect(
      await refused(
        db.insert(messages).values({
          clinicId: paris.id,
          conversationId: conversation.id,
          direction: "outbound",
          channel: "sms",
          body: "x",
          authorStaffId: hudsonStaff.id,
        }),
      ),
    ).toBe("refused");
    const file = { fileName: "a.pdf", contentType: "application/pdf", sizeBytes: 1, sha256: "x", storageKey: "k" };
    expect(await refused(db.insert(attachments).values({ ...file, clinicId: hudson.id, messageId: message.id }))).toBe("refused");
    expect(await refused(db.insert(attachments).values({ ...file, clinicId: paris.id, uploadedByStaffId: hudsonStaff.id }))).toBe(
      "refused",
    );
    expect(
      await refused(
        db
          .insert(staffPushSubscriptions)
          .values({ clinicId: paris.id, staffUserId: hudsonStaff.id, endpoint: "https://push.example/1", p256dh: "p", auth: "a" }),
      ),
    ).toBe("refused");
    expect(
      await refused(
        db.insert(staffNotifications).values({
          clinicId: paris.id,
          staffUserId: hudsonStaff.id,
          eventId: crypto.randomUUID(),
          type: "staff.lab_result",
          title: "t",
          body: "b",
        }),
      ),
    ).toBe("refused");

    // A delivery names its recipient with the clinic: another clinic's patient or staff member,
    // or a staff id on a patient delivery, is refused.
    const event = await storeEvent(db, paris.id, { type: "clinical.report_ready", data: { patientId: parisPatient.id } }, "api");
    const delivery = {
      clinicId: paris.id,
      eventId: event.id,
      eventType: "clinical.report_ready",
      channel: "email" as const,
      status: "skipped" as const,
    };
    expect(await refused(db.insert(deliveries).values({ ...delivery, audience: "patient", recipientId: hudsonPatient.id }))).toBe(
      "refused",
    );
    expect(await refused(db.insert(deliveries).values({ ...delivery, audience: "staff", recipientId: hudsonStaff.id }))).toBe("refused");
    expect(await refused(db.insert(deliveries).values({ ...delivery, audience: "patient", recipientId: parisStaff.id }))).toBe("refused");
    expect(await refused(db.insert(deliveries).values({ ...delivery, audience: "patient", recipientId: parisPatient.id }))).toBe(
      "accepted",
    );

    // The same rows inside one clinic are fine.
    expect(
      await refused(
        db.insert(attachments).values({ ...file, clinicId: paris.id, messageId: message.id, uploadedByStaffId: parisStaff.id }),
      ),
    ).toBe("accepted");
    expect(
      await refused(
        db.insert(staffNotifications).values({
          clinicId: paris.id,
          staffUserId: parisStaff.id,
          eventId: crypto.randomUUID(),
          type: "staff.lab_result",
          title: "t",
          body: "b",
        }),
      ),
    ).toBe("accepted");
  });
});
