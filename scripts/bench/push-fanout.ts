import { and, count, eq } from "drizzle-orm";
import webPush from "web-push";
import { deliveries, patientDevices, patientUserProfiles, patientUsers, staffPushSubscriptions } from "@/db/schema";
import { insertInBatches } from "@/db/seed/insert";
import { storeEvent } from "@/lib/notifications/events/ingest-event";
import { forgetClinicSettings } from "@/lib/notifications/events/clinic-settings";
import { processEvent } from "@/lib/notifications/events/process-event";
import { clinicChannelConfig } from "@/lib/notifications/providers/registry";
import { RedirectingAgent } from "@/lib/notifications/providers/local-agent";
import { sendDepsFor } from "@/lib/notifications/runtime";
import { installClinicNotificationDefaults } from "@/lib/notifications/setup/install-clinic-defaults";
import { pointChannelsAtLocalSinks } from "@/lib/notifications/setup/local-sink-channels";
import { makeClinic, makePatient, makeStaff } from "@/lib/testing/factories";
import { startSinkProcess } from "./pipeline";
import { round, timeIt } from "./stats";
import type { Benchmark } from "./types";

const SUBSCRIPTIONS = Number(process.env.BENCH_WEB_PUSH ?? 5_000);
const DEVICES = Number(process.env.BENCH_FCM ?? 10_000);
const PLAIN_LOOP = 1_000;

// One staff alert to 5,000 browser subscriptions through the pipeline (routing, delivery rows,
// the Web Push adapter: VAPID signed once per push service, 64 sends in flight), against a
// local push service in another process that decrypts every message; and, in the same run,
// the loop a developer writes first: webPush.sendNotification one after the other.
// Then one patient alert (a walk-in token called) to 10,000 registered phones through FCM:
// firebase-admin's sendEach, 500 messages per HTTP/2 session, two sessions in flight, against
// the local FCM server (same process as the push service) answering over HTTP/2.
export const pushFanoutBenchmark: Benchmark = {
  name: "push-fanout",
  description: `one staff alert to ${SUBSCRIPTIONS} Web Push subscriptions, a plain sequential sendNotification loop, one patient alert to ${DEVICES} FCM tokens`,
  async run(ctx) {
    const db = ctx.handle.db;
    const sink = await startSinkProcess();
    try {
      const clinic = await makeClinic(db, { name: "Push bench", timeZone: "Europe/Paris", country: "FR" });
      await installClinicNotificationDefaults(db, clinic.id);
      await pointChannelsAtLocalSinks(db, clinic, sink.url, "http://localhost:3000");
      forgetClinicSettings(clinic.id);
      const admin = await makeStaff(db, clinic.id, "admin");
      const subscriptions: { endpoint: string; keys: { p256dh: string; auth: string } }[] = [];
      for (let i = 0; i < SUBSCRIPTIONS; i += 100)
        subscriptions.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(100, SUBSCRIPTIONS - i) }, async () =>
              (await fetch(`${sink.url}/_sink/web-push-subscriptions`, { method: "POST" })).json(),
            ),
          )),
        );
      await insertInBatches(
        db,
        staffPushSubscriptions,
        subscriptions.map((s) => ({ clinicId: clinic.id, staffUserId: admin.id, endpoint: s.endpoint, ...s.keys })),
      );

      // Low stock goes to admins: one alert, in-app once and to every subscription.
      const stored = await storeEvent(db, clinic.id, { type: "staff.low_stock", data: { summary: "Gloves: 2 boxes left" } }, "api");
      const deps = { ...sendDepsFor(db), policy: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 } };
      const pipeline = await timeIt(() => processEvent(deps, stored.id));
      const [{ sent }] = await db
        .select({ sent: count() })
        .from(deliveries)
        .where(and(eq(deliveries.eventId, stored.id), eq(deliveries.channel, "web_push"), eq(deliveries.status, "sent")));

      // Outside the timed part: every message the push service took opens with its browser's
      // keys to the alert's title.
      const { messages } = (await (await fetch(`${sink.url}/_sink/messages`)).json()) as {
        messages: { channel: string; subject?: string }[];
      };
      const decrypted = messages.filter((m) => m.channel === "web_push" && m.subject === "Low stock").length;

      const config = (await clinicChannelConfig(db, clinic.id, "web_push"))!;
      const agent = new RedirectingAgent(null);
      const payload = JSON.stringify({ title: "Low stock", body: "Open Clinic Notify to see it." });
      const plain = await timeIt(async () => {
        for (const s of subscriptions.slice(0, PLAIN_LOOP))
          await webPush.sendNotification(s, payload, {
            vapidDetails: { subject: config.subject, publicKey: config.vapidPublicKey, privateKey: config.vapidPrivateKey },
            agent,
          });
      });

      // One patient account holding 10,000 phones: the alert fans out to every active one.
      const patient = await makePatient(db, clinic.id, { phone: null, email: null, language: "fr" });
      const [account] = await db
        .insert(patientUsers)
        .values({ clinicId: clinic.id, email: "fanout@example.com", name: "Fan-out" })
        .returning();
      await db
        .insert(patientUserProfiles)
        .values({ clinicId: clinic.id, patientUserId: account.id, patientId: patient.id, relationship: "self", approved: true });
      await insertInBatches(
        db,
        patientDevices,
        Array.from({ length: DEVICES }, (_, i) => ({
          clinicId: clinic.id,
          patientUserId: account.id,
          token: `bench-fcm-${i}`,
          platform: i % 2 ? ("ios" as const) : ("android" as const),
        })),
      );
      const called = await storeEvent(
        db,
        clinic.id,
        { type: "walkin.token_called", data: { patientId: patient.id, tokenNumber: "A12", queueName: "Walk-in", room: "Room 2" } },
        "api",
      );
      const fcm = await timeIt(() => processEvent(deps, called.id));
      const [{ pushed }] = await db
        .select({ pushed: count() })
        .from(deliveries)
        .where(and(eq(deliveries.eventId, called.id), eq(deliveries.channel, "push"), eq(deliveries.status, "sent")));
      const { messages: received } = (await (await fetch(`${sink.url}/_sink/messages`)).json()) as {
        messages: { channel: string; protocol?: string }[];
      };

      const pipelineRate = sent / (pipeline.ms / 1000);
      const plainRate = PLAIN_LOOP / (plain.ms / 1000);
      return {
        subscriptions: SUBSCRIPTIONS,
        sent,
        decrypted,
        pipeline_s: round(pipeline.ms / 1000, 2),
        web_push_per_s: Math.round(pipelineRate),
        plain_loop_per_s: Math.round(plainRate),
        speedup: round(pipelineRate / plainRate, 1),
        fcm_tokens: DEVICES,
        fcm_sent: pushed,
        // Of the push messages the sink still holds (its latest 5,000 or so), the share that came over HTTP/2.
        fcm_http2_share: round(
          received.filter((m) => m.channel === "push" && m.protocol === "HTTP/2.0").length /
            Math.max(1, received.filter((m) => m.channel === "push").length),
          2,
        ),
        fcm_s: round(fcm.ms / 1000, 2),
        fcm_per_s: Math.round(pushed / (fcm.ms / 1000)),
      };
    } finally {
      sink.stop();
    }
  },
};
