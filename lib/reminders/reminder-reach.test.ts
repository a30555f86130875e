import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { consentRecords, type Clinic } from "@/db/schema";
import { contextFor, makeClinic, makePatient } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { reminderReach } from "./reminder-reach";

let handle: DatabaseHandle;
let clinic: Clinic;
const now = new Date("2026-12-03T10:00:00Z");
beforeAll(async () => {
  handle = await createTestDatabase();
  clinic = await makeClinic(handle.db, { country: "FR" });
});
afterAll(() => handle.close());

const scheduled = (...channels: ("whatsapp" | "sms" | "email" | "push")[]) => [{ status: "scheduled" as const, channels }];

describe("whether an appointment's reminders can reach the patient", () => {
  it("says why neither WhatsApp (no opt-in) nor the app (none installed) reaches a patient, and that SMS would", async () => {
    const patient = await makePatient(handle.db, clinic.id, { phone: "+33611000001" });
    expect(await reminderReach(contextFor(handle.db, clinic), patient.id, scheduled("whatsapp", "push"), now)).toEqual({
      unreachable: [
        { channel: "whatsapp", reason: "whatsapp_no_opt_in" },
        { channel: "push", reason: "no_device" },
      ],
      instead: ["sms"],
    });
  });

  it("is silent once one channel reaches the patient, or when nothing is still to go out", async () => {
    const patient = await makePatient(handle.db, clinic.id, { phone: "+33611000002" });
    await handle.db
      .insert(consentRecords)
      .values({ clinicId: clinic.id, channel: "whatsapp", address: "+33611000002", state: "opted_in", source: "paper form" });
    const ctx = contextFor(handle.db, clinic);
    expect(await reminderReach(ctx, patient.id, scheduled("whatsapp", "push"), now)).toBeNull();
    expect(await reminderReach(ctx, patient.id, [{ status: "sent", channels: ["push"] }], now)).toBeNull();
  });

  it("says nothing reaches a patient with neither phone nor email", async () => {
    const patient = await makePatient(handle.db, clinic.id);
    expect(await reminderReach(contextFor(handle.db, clinic), patient.id, scheduled("sms"), now)).toEqual({
      unreachable: [{ channel: "sms", reason: "no_phone" }],
      instead: [],
    });
  });
});
