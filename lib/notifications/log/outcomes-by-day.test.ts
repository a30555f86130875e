import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { insertRecords } from "@/db/insert-records";
import { deliveries } from "@/db/schema";
import { storeEvent } from "@/lib/notifications/events/ingest-event";
import { makeClinic, makePatient } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { outcomesByDay } from "./outcomes-by-day";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("outcomes per channel per day", () => {
  it("counts each channel's deliveries by where they ended, per clinic day, for this clinic only", async () => {
    const clinic = await makeClinic(handle.db, { timeZone: "Europe/Paris" });
    const other = await makeClinic(handle.db);
    const now = new Date("2027-06-10T12:00:00Z");
    const rows = async (
      clinicId: string,
      list: { channel: "sms" | "email"; status: "sent" | "delivered" | "failed" | "skipped" | "bounced"; at: string }[],
    ) => {
      const patient = await makePatient(handle.db, clinicId);
      const event = await storeEvent(
        handle.db,
        clinicId,
        { type: "walkin.token_called", data: { patientId: patient.id, tokenNumber: "A1", queueName: "Q", room: "1" } },
        "api",
      );
      await insertRecords(
        handle.db,
        deliveries,
        list.map((r, i) => ({
          id: randomUUID(),
          clinicId,
          eventId: event.id,
          eventType: "walkin.token_called",
          audience: "patient" as const,
          recipientId: patient.id,
          channel: r.channel,
          address: `a${i}`,
          status: r.status,
          createdAt: new Date(r.at),
          updatedAt: new Date(r.at),
        })),
      );
    };
    await rows(clinic.id, [
      { channel: "sms", status: "delivered", at: "2027-06-09T21:30:00Z" }, // 23:30 in Paris: the 9th
      { channel: "sms", status: "failed", at: "2027-06-09T22:30:00Z" }, // 00:30 in Paris: the 10th
      { channel: "sms", status: "bounced", at: "2027-06-10T08:00:00Z" },
      { channel: "email", status: "skipped", at: "2027-06-10T08:00:00Z" },
    ]);
    await rows(other.id, [{ channel: "sms", status: "sent", at: "2027-06-10T08:00:00Z" }]);
    const result = await outcomesByDay({ db: handle.db, clinicId: clinic.id, clinic: { ...clinic } }, now);
    const sms = result.find((r) => r.channel === "sms")!.days;
    expect(sms.find((d) => d.day === "2027-06-09")).toMatchObject({ delivered: 1, failed: 0 });
    expect(sms.find((d) => d.day === "2027-06-10")).toMatchObject({ failed: 2, sent: 0 });
    expect(result.find((r) => r.channel === "email")!.days.find((d) => d.day === "2027-06-10")).toMatchObject({ skipped: 1 });
    expect(sms).toHaveLength(15);
  });
});
