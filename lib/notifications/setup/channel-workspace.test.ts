import { generateKeyPairSync } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clinicChannels } from "@/db/schema";
import { staffContextFor } from "@/lib/testing/factories";
import { pipelineFixture, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { clinicProviders } from "../providers/registry";
import { channelWorkspace, saveChannel, testChannel } from "./channel-workspace";

// The channels workspace: secrets sealed at rest and shown by their last four, the adapters'
// own schemas as validation, a test send with the provider's real answer.
let f: PipelineFixture;
let admin: Awaited<ReturnType<typeof staffContextFor>>;
beforeAll(async () => {
  f = await pipelineFixture();
  admin = await staffContextFor(f.db, f.clinic, "admin");
});
afterAll(() => f.close());

const raw = async (channel: "sms" | "push") =>
  (
    await f.db
      .select()
      .from(clinicChannels)
      .where(and(eq(clinicChannels.clinicId, f.clinic.id), eq(clinicChannels.channel, channel)))
  )[0];

describe("the channels workspace", () => {
  it("keeps secrets encrypted at rest, shows only their last four, and still sends with them", async () => {
    const token = "twilio-auth-token-7f3a9c";
    await saveChannel(admin, "sms", { enabled: true, config: { authToken: token, from: "+33700000001" } }, new Date());
    const row = await raw("sms");
    expect(row.config.authToken).toMatch(/^enc:v1:/);
    expect(JSON.stringify(row.config)).not.toContain(token);
    const { channels } = await channelWorkspace(admin);
    const sms = channels.find((c) => c.channel === "sms")!;
    expect(sms.fields.authToken).toEqual({ value: `••••${token.slice(-4)}`, secret: true, set: true });
    expect(JSON.stringify(channels)).not.toContain(token);
    expect(sms.fields.from).toEqual({ value: "+33700000001", secret: false, set: true });

    // An empty secret keeps the stored one; the audit names fields, never values.
    await saveChannel(admin, "sms", { enabled: true, config: { authToken: "", from: "+33700000002" } }, new Date());
    expect((await raw("sms")).config.authToken).toMatch(/^enc:v1:/);
    const trail = await f.db.select().from(auditEvents).where(eq(auditEvents.action, "channel.updated"));
    expect(trail.map((a) => a.detail)).toEqual([
      expect.objectContaining({ channel: "sms", changed: ["from"], secretsChanged: ["authToken"] }),
      expect.objectContaining({ channel: "sms", changed: ["from"], secretsChanged: [] }),
    ]);
    expect(JSON.stringify(trail)).not.toContain(token);

    // The adapter gets the secret back: the local Twilio checks nothing, but the test send goes through it.
    expect((await clinicProviders(f.db, f.clinic.id)).providers.get("sms")).toBeTruthy();
    const { outcome } = await testChannel(admin, "sms", "+33612345678", new Date());
    expect(outcome).toMatchObject({ ok: true });
    expect(f.sink.store.messages.at(-1)).toMatchObject({ channel: "sms", to: "+33612345678" });
  });

  it("refuses incomplete settings naming the field, and a wrong FCM service account with the reason", async () => {
    await expect(
      saveChannel(admin, "telegram", { enabled: true, config: { botToken: "", baseUrl: "not a url" } }, new Date()),
    ).rejects.toMatchObject({ status: 400, fields: { baseUrl: expect.any(Array) } });
    // A test on a channel never configured says what to do first.
    await f.db.delete(clinicChannels).where(and(eq(clinicChannels.clinicId, f.clinic.id), eq(clinicChannels.channel, "telegram")));
    await expect(testChannel(admin, "telegram", "12345", new Date())).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("fill them in and save"),
    });
    await expect(
      saveChannel(admin, "push", { enabled: true, config: {}, serviceAccountJson: "{not json" }, new Date()),
    ).rejects.toMatchObject({ status: 400, fields: { serviceAccountJson: [expect.stringContaining("not JSON")] } });
    await expect(
      saveChannel(
        admin,
        "push",
        { enabled: true, config: {}, serviceAccountJson: JSON.stringify({ type: "authorized_user", project_id: "x" }) },
        new Date(),
      ),
    ).rejects.toMatchObject({
      status: 400,
      fields: {
        serviceAccountJson: expect.arrayContaining([
          expect.stringContaining("service account key"),
          expect.stringContaining("client_email"),
          expect.stringContaining("private_key"),
        ]),
      },
    });
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const account = {
      type: "service_account",
      project_id: "cabinet-test-app",
      client_email: "fcm@cabinet-test-app.iam.gserviceaccount.com",
      private_key: privateKey,
    };
    const saved = await saveChannel(admin, "push", { enabled: true, config: {}, serviceAccountJson: JSON.stringify(account) }, new Date());
    expect(saved.fields.projectId.value).toBe("cabinet-test-app");
    expect(saved.fields.privateKey).toMatchObject({ secret: true, set: true });
    const row = await raw("push");
    expect(row.config.privateKey).toMatch(/^enc:v1:/);
    expect(JSON.stringify(row.config)).not.toContain("PRIVATE KEY");
  });
});
