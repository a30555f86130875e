import "server-only";
import { createPrivateKey, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { clinicChannels } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { InvalidInputError } from "@/lib/errors/app-errors";
import { lastFour } from "@/lib/security/secret-box";
import { forgetClinicSettings } from "../events/clinic-settings";
import { forgetClinicProviders, openConfig, PROVIDER_FACTORIES, secretFieldsOf } from "../providers/registry";
import type { SendOutcome } from "../providers/types";
import { configureChannel } from "./install-clinic-defaults";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "staff">;
export type WorkspaceChannel = keyof typeof PROVIDER_FACTORIES;
export const WORKSPACE_CHANNELS = Object.keys(PROVIDER_FACTORIES) as WorkspaceChannel[];

// The fields an admin fills in, per channel, in the order the form shows them.
export const CHANNEL_FIELDS: Record<WorkspaceChannel, readonly string[]> = {
  whatsapp: ["apiKey", "baseUrl", "webhookSecret", "verifyToken"],
  email: ["from", "region", "accessKeyId", "secretAccessKey", "snsTopicArn", "configurationSetName", "endpoint"],
  sms: ["accountSid", "authToken", "from", "statusCallbackUrl", "baseUrl"],
  telegram: ["botToken", "baseUrl"],
  push: ["projectId", "clientEmail", "privateKey", "accessToken", "baseUrl"],
  web_push: ["vapidPublicKey", "vapidPrivateKey", "subject"],
};

export const channelParamSchema = z.object({
  channel: z.enum(
    WORKSPACE_CHANNELS as [WorkspaceChannel, ...WorkspaceChannel[]],
    "must be whatsapp, email, sms, telegram, push or web_push",
  ),
});

export const channelSaveSchema = z.strictObject({
  enabled: z.boolean("must be true or false"),
  // A secret left empty keeps the one stored.
  config: z.record(z.string().max(64), z.string().max(10_000, "must be at most 10,000 characters")).default({}),
  // Mobile push: the Firebase service account's JSON key, as downloaded from the console.
  serviceAccountJson: z.string().max(20_000, "must be at most 20,000 characters").optional(),
});
export const channelTestSchema = z.strictObject({ to: z.string().trim().min(1, "must say where to send the test").max(4096) });

// Firebase's service-account key: refused with the reason when it is not one.
const CLIENT_EMAIL = "must have the service account's email (client_email)";
const PRIVATE_KEY = "must hold the service account's RSA private key (private_key)";
const serviceAccountSchema = z.object({
  type: z.literal("service_account", 'must be a service account key ("type": "service_account")'),
  project_id: z.string("must name the Firebase project (project_id)").min(1, "must name the Firebase project (project_id)"),
  client_email: z.string(CLIENT_EMAIL).pipe(z.email(CLIENT_EMAIL)),
  private_key: z.string(PRIVATE_KEY).refine((pem) => {
    try {
      return createPrivateKey(pem).asymmetricKeyType === "rsa";
    } catch {
      return false;
    }
  }, PRIVATE_KEY),
});

function readServiceAccount(json: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new InvalidInputError("The service account file is not JSON.", {
      serviceAccountJson: ["is not JSON: upload the key file Firebase gave you"],
    });
  }
  const result = serviceAccountSchema.safeParse(parsed);
  if (!result.success)
    throw new InvalidInputError("This is not a Firebase service account key.", {
      serviceAccountJson: result.error.issues.map((i) => i.message),
    });
  return { projectId: result.data.project_id, clientEmail: result.data.client_email, privateKey: result.data.private_key };
}

async function stored(ctx: Ctx, channel: WorkspaceChannel) {
  const [row] = await ctx.db
    .select()
    .from(clinicChannels)
    .where(inClinic(ctx, clinicChannels, eq(clinicChannels.channel, channel)));
  return row
    ? { enabled: row.enabled, config: openConfig(channel, row.config), updatedAt: row.updatedAt }
    : { enabled: false, config: {} as Record<string, unknown>, updatedAt: null };
}

// What the browser sees of a channel: plain fields as they are, secrets by their last four.
function view(channel: WorkspaceChannel, enabled: boolean, config: Record<string, unknown>, updatedAt: Date | null) {
  const secrets = new Set(secretFieldsOf(channel));
  const fields = Object.fromEntries(
    CHANNEL_FIELDS[channel].map((f) => {
      const value = config[f];
      if (typeof value !== "string" || !value) return [f, { value: "", secret: secrets.has(f), set: false }];
      return [f, secrets.has(f) ? { value: lastFour(value), secret: true, set: true } : { value, secret: false, set: true }];
    }),
  );
  const valid = PROVIDER_FACTORIES[channel].schema.safeParse(config);
  return { channel, enabled, configured: valid.success, fields, updatedAt };
}

export async function channelWorkspace(ctx: Ctx) {
  return {
    channels: await Promise.all(
      WORKSPACE_CHANNELS.map(async (c) => {
        const s = await stored(ctx, c);
        return view(c, s.enabled, s.config, s.updatedAt);
      }),
    ),
  };
}

// One channel saved: the form's fields over what is stored (an empty secret keeps the stored
// one), validated by the adapter's own schema (400 naming the fields) before it is sealed and
// written; audited by field name, never by value.
export async function saveChannel(ctx: Ctx, channel: WorkspaceChannel, input: z.output<typeof channelSaveSchema>, now: Date) {
  const before = await stored(ctx, channel);
  const secrets = new Set(secretFieldsOf(channel));
  const merged: Record<string, unknown> = { ...before.config };
  for (const field of CHANNEL_FIELDS[channel]) {
    if (!(field in input.config)) continue;
    const value = input.config[field].trim();
    if (secrets.has(field) && !value) continue;
    if (value) merged[field] = value;
    else delete merged[field];
  }
  if (channel === "push" && input.serviceAccountJson)
    Object.assign(merged, readServiceAccount(input.serviceAccountJson), { accessToken: undefined });
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const parsed = PROVIDER_FACTORIES[channel].schema.safeParse(merged);
  if (!parsed.success && (input.enabled || Object.keys(input.config).length || input.serviceAccountJson)) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[issue.path.join(".") || "config"] ??= []).push(issue.message);
    throw new InvalidInputError(`The ${channel} settings are incomplete or invalid.`, fields);
  }
  const changed = CHANNEL_FIELDS[channel].filter((f) => before.config[f] !== merged[f]);
  await ctx.db.transaction(async (tx) => {
    await configureChannel(tx, ctx.clinicId, channel, merged, input.enabled);
    await recordAudit(
      tx,
      ctx,
      {
        action: "channel.updated",
        detail: {
          channel,
          enabled: { before: before.enabled, after: input.enabled },
          changed: changed.filter((f) => !secrets.has(f)),
          secretsChanged: changed.filter((f) => secrets.has(f)),
        },
      },
      now,
    );
  });
  forgetClinicProviders(ctx.clinicId);
  forgetClinicSettings(ctx.clinicId);
  return view(channel, input.enabled, merged, now);
}

// "Send a test": one message through the channel's real adapter with what is stored, and the
// provider's own answer (its message id, or its error code and text).
export async function testChannel(ctx: Ctx, channel: WorkspaceChannel, to: string, now: Date): Promise<{ outcome: SendOutcome }> {
  const { config } = await stored(ctx, channel);
  const parsed = PROVIDER_FACTORIES[channel].schema.safeParse(config);
  if (!parsed.success)
    throw new InvalidInputError(`The ${channel} settings are incomplete: fill them in and save before sending a test.`, {
      to: ["save this channel's settings first"],
    });
  if (channel === "web_push")
    throw new InvalidInputError("Test browser push from Settings → My notifications, on the browser itself.", {
      to: ["browser push is tested from My notifications"],
    });
  const provider = (PROVIDER_FACTORIES[channel].create as (c: unknown) => ReturnType<(typeof PROVIDER_FACTORIES)["sms"]["create"]>)(
    parsed.data,
  );
  const outcome = await provider.send({
    deliveryId: randomUUID(),
    eventId: randomUUID(),
    eventType: "settings.test",
    to,
    language: "en",
    subject: "Clinic Notify test",
    text: "A test message from Clinic Notify's channel settings.",
    html: channel === "email" ? "<p>A test message from Clinic Notify's channel settings.</p>" : null,
    whatsapp: channel === "whatsapp" ? { mode: "text" } : undefined,
  });
  await recordAudit(
    ctx.db,
    ctx,
    { action: "channel.tested", detail: { channel, ok: outcome.ok, ...(outcome.ok ? {} : { code: outcome.code }) } },
    now,
  );
  return { outcome };
}
