import "server-only";
import { randomBytes } from "node:crypto";
import webPush from "web-push";
import type { Database } from "@/db/client";
import type { Channel } from "@/db/schema";
import { configureChannel } from "./install-clinic-defaults";
import { localSnsTopicArn } from "./local-sns-topic";

// Every channel of a clinic pointed at the local sinks (lib/local-sinks), with credentials the
// sinks accept: the embedded default can be tried end to end on one machine.
export async function pointChannelsAtLocalSinks(
  db: Database,
  clinic: { id: string; slug: string; name: string; country: string },
  sinkUrl: string,
  appUrl: string,
): Promise<void> {
  const vapid = webPush.generateVAPIDKeys();
  // Each clinic its own secrets: a payload signed for one clinic is refused at another's URL.
  // Each clinic its own credentials too: the sinks tell clinics apart by them.
  const secret = () => randomBytes(24).toString("base64url");
  const configs: Record<Channel, Record<string, unknown>> = {
    whatsapp: { apiKey: `local-${clinic.id}`, baseUrl: sinkUrl, webhookSecret: secret(), verifyToken: secret() },
    sms: {
      accountSid: `AC${clinic.slug.replace(/[^a-z0-9]/g, "")}`,
      authToken: secret(),
      from: clinic.country === "US" ? "+12125550100" : "+33700000000",
      baseUrl: sinkUrl,
      statusCallbackUrl: `${appUrl}/api/webhooks/sms/${clinic.id}`,
    },
    email: {
      from: `${clinic.name} <no-reply@${clinic.slug}.demo>`,
      region: "eu-west-1",
      accessKeyId: `local-${clinic.id}`,
      secretAccessKey: "local",
      endpoint: sinkUrl,
      snsTopicArn: localSnsTopicArn(clinic.slug),
    },
    telegram: { botToken: `${clinic.id}:local-bot`, baseUrl: sinkUrl },
    push: { projectId: `${clinic.slug}-app`, accessToken: "local-fcm-token", baseUrl: sinkUrl },
    web_push: { vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey, subject: `mailto:it@${clinic.slug}.demo` },
    in_app: {},
  };
  for (const [channel, config] of Object.entries(configs)) await configureChannel(db, clinic.id, channel as Channel, config);
}
