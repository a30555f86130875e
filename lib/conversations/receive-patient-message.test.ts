import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentRecords, lastInbound, messages } from "@/db/schema";
import { pipelineFixture, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { webhookSecretsOf, type ClinicWebhookSecrets } from "@/lib/testing/webhook-secrets";
import { signedWebhooks, whatsappText } from "@/lib/testing/signed-webhooks";
import { receivePatientMessage } from "./receive-patient-message";

let f: PipelineFixture;
let secrets: ClinicWebhookSecrets;
beforeAll(async () => {
  f = await pipelineFixture();
  secrets = await webhookSecretsOf(f.db, f.clinic.id);
});
afterAll(() => f.close());

let hooks: ReturnType<typeof signedWebhooks>;
beforeAll(() => {
  hooks = signedWebhooks({ db: f.db, clinicId: f.clinic.id, secrets });
});
const sendSms = (params: Record<string, string>) => hooks.sms(params);
const sendWhatsapp = (from: string, id: string, body: string) => hooks.whatsapp(whatsappText(from, id, body));

const consentOf = (address: string) =>
  f.db
    .select({ channel: consentRecords.channel, state: consentRecords.state, source: consentRecords.source })
    .from(consentRecords)
    .where(eq(consentRecords.address, address));
const messagesWith = (externalId: string) => f.db.select({ body: messages.body }).from(messages).where(eq(messages.externalId, externalId));

describe("a patient's message comes in one way", () => {
  it("STOP by SMS and by WhatsApp: the message in the conversation and one consent record each, a replay adding none", async () => {
    expect((await sendSms({ MessageSid: "SM-one-way", From: "+33612121212", To: "+33700000000", Body: "STOP" })).status).toBe(200);
    expect((await sendWhatsapp("+33613131313", "wamid.one-way", "stop")).status).toBe(200);
    await sendSms({ MessageSid: "SM-one-way", From: "+33612121212", To: "+33700000000", Body: "STOP" });
    await sendWhatsapp("+33613131313", "wamid.one-way", "stop");

    expect(await consentOf("+33612121212")).toEqual([{ channel: "sms", state: "opted_out", source: "sms_keyword" }]);
    expect(await consentOf("+33613131313")).toEqual([{ channel: "whatsapp", state: "opted_out", source: "whatsapp_keyword" }]);
    expect(await messagesWith("SM-one-way")).toEqual([{ body: "STOP" }]);
    expect(await messagesWith("wamid.one-way")).toEqual([{ body: "stop" }]);
  });

  it("a transaction that dies midway leaves neither the message nor the consent change, and the provider's retry lands both", async () => {
    // The consent table refuses writes, as a database that fails between the two would.
    await f.db.execute(
      sql`create function refuse_consent() returns trigger language plpgsql as $$ begin raise exception 'consent store unavailable'; end $$`,
    );
    await f.db.execute(sql`create trigger refuse_consent before insert on consent_records for each row execute function refuse_consent()`);
    const stop = {
      clinicId: f.clinic.id,
      channel: "sms" as const,
      from: "+33614141414",
      body: "STOP",
      externalId: "SM-midway",
      at: new Date(),
    };
    await expect(receivePatientMessage(f.db, stop)).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/consent store unavailable/) }),
    });
    expect(await messagesWith("SM-midway")).toEqual([]);
    expect(await consentOf("+33614141414")).toEqual([]);
    expect(await f.db.select().from(lastInbound).where(eq(lastInbound.address, "+33614141414"))).toEqual([]);

    await f.db.execute(sql`drop trigger refuse_consent on consent_records`);
    const retried = await receivePatientMessage(f.db, stop);
    expect(retried).toMatchObject({ duplicate: false, keyword: "stop" });
    expect(await messagesWith("SM-midway")).toEqual([{ body: "STOP" }]);
    expect(await consentOf("+33614141414")).toEqual([{ channel: "sms", state: "opted_out", source: "sms_keyword" }]);
  });
});
