import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/config/env";
import { installClinicNotificationDefaults } from "@/lib/notifications/setup/install-clinic-defaults";
import { pointChannelsAtLocalSinks } from "@/lib/notifications/setup/local-sink-channels";
import { makeClinic } from "@/lib/testing/factories";
import { bookAppointment, pipelineFixture, publish, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { forgetClinicSettings } from "@/lib/notifications/events/clinic-settings";
import { localSinkInbox } from "./local-sink-inbox";

let f: PipelineFixture;
beforeAll(async () => {
  f = await pipelineFixture();
  // The app reads the sinks over HTTP at LOCAL_SINK_PORT: point it at this test's sinks.
  process.env.LOCAL_SINKS = "on";
  process.env.LOCAL_SINK_PORT = new URL(f.sink.url).port;
  reloadEnv();
});
afterAll(() => f.close());

describe("the Local sinks page's API", () => {
  it("shows and clears only the caller's clinic's messages", async () => {
    const other = await makeClinic(f.db, { name: "Cabinet Voisin", country: "FR", timeZone: "Europe/Paris" });
    await installClinicNotificationDefaults(f.db, other.id);
    await pointChannelsAtLocalSinks(f.db, other, f.sink.url, "http://localhost:3000");
    forgetClinicSettings(other.id);
    const own = await bookAppointment(f, { email: "own@example.org", phone: "+33611112222" }, { status: "cancelled" });
    await publish(f, { type: "appointment.cancelled", data: { appointmentId: own.appointment.id } });
    const fOther = { ...f, clinic: other };
    const theirs = await bookAppointment(fOther, { email: "theirs@example.org", phone: "+33633334444" }, { status: "cancelled" });
    await publish(fOther, { type: "appointment.cancelled", data: { appointmentId: theirs.appointment.id } });

    const mine = await localSinkInbox({ db: f.db, clinicId: f.clinic.id }, "GET");
    const addresses = (mine!.messages as { to: string }[]).map((m) => m.to);
    expect(addresses).toEqual(expect.arrayContaining(["own@example.org", "+33611112222"]));
    expect(addresses).not.toContain("theirs@example.org");
    expect(addresses).not.toContain("+33633334444");

    await localSinkInbox({ db: f.db, clinicId: f.clinic.id }, "DELETE");
    expect((await localSinkInbox({ db: f.db, clinicId: f.clinic.id }, "GET"))!.messages).toEqual([]);
    const stillTheirs = (await localSinkInbox({ db: f.db, clinicId: other.id }, "GET"))!.messages as { to: string }[];
    expect(stillTheirs.map((m) => m.to)).toContain("theirs@example.org");
  });

  it("does not exist outside local-sink mode", async () => {
    process.env.LOCAL_SINKS = "off";
    reloadEnv();
    await expect(localSinkInbox({ db: f.db, clinicId: f.clinic.id }, "GET")).rejects.toMatchObject({ status: 404 });
    process.env.LOCAL_SINKS = "on";
    reloadEnv();
  });
});
