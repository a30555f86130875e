import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import type { Clinic } from "@/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { receivePatientMessage } from "@/lib/conversations/receive-patient-message";
import { applyAppointmentChange } from "@/lib/appointments/apply-appointment-change";
import { makeAgendaAndMotif, makeAppointment, makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { HubChangeFeed, listenSourceOf, type HubChange } from "./hub-changes";

let handle: DatabaseHandle;
let clinic: Clinic;
let other: Clinic;
beforeAll(async () => {
  handle = await createTestDatabase();
  clinic = await makeClinic(handle.db);
  other = await makeClinic(handle.db);
});
afterAll(() => handle.close());

// Resolves with the changes heard once `count` arrived (or fails after a few seconds).
function collect(feed: HubChangeFeed, clinicId: string, count: number) {
  const heard: HubChange[] = [];
  let unsubscribe = () => {};
  const done = new Promise<HubChange[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`heard ${heard.length} of ${count} changes`)), 5_000);
    void feed
      .subscribe(clinicId, (change) => {
        heard.push(change);
        if (heard.length === count) {
          clearTimeout(timer);
          resolve(heard);
        }
      })
      .then((u) => (unsubscribe = u));
  });
  return { done: done.finally(() => unsubscribe()) };
}

describe("the inbox's live feed", () => {
  it("announces an incoming message to its own clinic only, once committed", async () => {
    const feed = new HubChangeFeed(listenSourceOf(handle));
    const patient = await makePatient(handle.db, clinic.id, { phone: "+33633333333" });
    const mine = collect(feed, clinic.id, 1);
    const theirs: HubChange[] = [];
    await feed.subscribe(other.id, (c) => theirs.push(c)); // LISTEN is in place before the write below
    const { conversationId } = await receivePatientMessage(handle.db, {
      clinicId: clinic.id,
      channel: "sms",
      from: patient.phone!,
      body: "Bonjour",
      externalId: "SM-live-1",
      at: new Date(),
    });
    expect(await mine.done).toEqual([{ clinicId: clinic.id, conversationId }]);
    await new Promise((r) => setTimeout(r, 200));
    expect(theirs).toEqual([]);
  });

  it("says nothing for a transaction that rolled back", async () => {
    const feed = new HubChangeFeed(listenSourceOf(handle));
    const heard: HubChange[] = [];
    await feed.subscribe(clinic.id, (c) => heard.push(c));
    await expect(
      handle.db.transaction(async (tx) => {
        await receivePatientMessage(tx, {
          clinicId: clinic.id,
          channel: "sms",
          from: "+33644444444",
          body: "x",
          externalId: "SM-live-2",
          at: new Date(),
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual([]);
  });

  it("announces the desk's steps on an agenda to its own clinic: arrived, with the doctor, seen", async () => {
    const feed = new HubChangeFeed(listenSourceOf(handle));
    const { agenda, motif } = await makeAgendaAndMotif(handle.db, clinic.id);
    const patient = await makePatient(handle.db, clinic.id);
    const startsAt = new Date(Date.now() - 10 * 60_000);
    const appointment = await makeAppointment(
      handle.db,
      { clinicId: clinic.id, agendaId: agenda.id, motifId: motif.id, patientId: patient.id },
      { startsAt },
    );
    const ours = collect(feed, clinic.id, 3);
    const theirs: HubChange[] = [];
    await feed.subscribe(other.id, (c) => theirs.push(c));
    const desk = await staffContextFor(handle.db, clinic);
    for (const status of ["in_waiting_room", "with_doctor", "seen"] as const) {
      const { appointment: after } = await applyAppointmentChange(desk, appointment.id, { action: "set_status", status }, new Date());
      expect(after.status).toBe(status);
    }
    expect(await ours.done).toEqual(Array.from({ length: 3 }, () => ({ clinicId: clinic.id, agendaId: agenda.id })));
    expect(theirs).toEqual([]);
  });

  it("a LISTEN that failed is tried again by the next subscriber, and health says so meanwhile", async () => {
    let attempts = 0;
    const real = listenSourceOf(handle);
    // The database refuses the first LISTEN (a restart, a dropped connection), then accepts.
    const flaky = {
      listen: (channel: string, onPayload: (payload: string) => void) =>
        ++attempts === 1 ? Promise.reject(new Error("connection lost")) : real.listen(channel, onPayload),
    };
    const feed = new HubChangeFeed(flaky);
    await expect(feed.subscribe(clinic.id, () => {})).rejects.toThrow("connection lost");
    expect(feed.status()).toMatchObject({ state: "failed", failures: 1 });
    await expect(feed.subscribe(clinic.id, () => {})).resolves.toBeTypeOf("function");
    expect(feed.status()).toMatchObject({ state: "listening", failures: 0 });
    expect(attempts).toBe(2);
  });
});
