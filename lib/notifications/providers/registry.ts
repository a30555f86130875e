import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { ttlCache } from "@/lib/cache/ttl-cache";
import { isSealed, seal, unseal } from "@/lib/security/secret-box";
import { clinicChannels, type Channel } from "@/db/schema";
import { createEmailProvider, emailConfigSchema } from "./email-ses";
import { createInAppProvider } from "./in-app";
import { createPushProvider, pushConfigSchema } from "./push-fcm";
import { createSmsProvider, smsConfigSchema } from "./sms-twilio";
import { createTelegramProvider, telegramConfigSchema } from "./telegram";
import type { ChannelProvider } from "./types";
import { createWebPushProvider, webPushConfigSchema } from "./web-push";
import { createWhatsappProvider, whatsappConfigSchema } from "./whatsapp-360dialog";

// secrets: the configuration's fields stored sealed (AES-GCM, lib/security/secret-box.ts) and
// never sent back to a browser in full.
type Factory<S extends z.ZodType> = { schema: S; create: (config: z.output<S>) => ChannelProvider; secrets: readonly string[] };
const factory = <S extends z.ZodType>(
  schema: S,
  create: (config: z.output<S>) => ChannelProvider,
  secrets: readonly string[],
): Factory<S> => ({ schema, create, secrets });

// The one place that knows which adapter serves which channel.
export const PROVIDER_FACTORIES = {
  whatsapp: factory(whatsappConfigSchema, createWhatsappProvider, ["apiKey", "webhookSecret", "verifyToken"]),
  email: factory(emailConfigSchema, createEmailProvider, ["secretAccessKey"]),
  sms: factory(smsConfigSchema, createSmsProvider, ["authToken"]),
  telegram: factory(telegramConfigSchema, createTelegramProvider, ["botToken"]),
  push: factory(pushConfigSchema, createPushProvider, ["privateKey", "accessToken"]),
  web_push: factory(webPushConfigSchema, createWebPushProvider, ["vapidPrivateKey"]),
} satisfies Partial<Record<Channel, Factory<z.ZodType>>>;

export const secretFieldsOf = (channel: Channel): readonly string[] =>
  channel in PROVIDER_FACTORIES ? PROVIDER_FACTORIES[channel as keyof typeof PROVIDER_FACTORIES].secrets : [];

// A configuration as stored: its secret fields sealed. Plain values already sealed stay as they are.
export function sealConfig(channel: Channel, config: Record<string, unknown>): Record<string, unknown> {
  const sealed = { ...config };
  for (const field of secretFieldsOf(channel))
    if (typeof sealed[field] === "string" && !isSealed(sealed[field])) sealed[field] = seal(sealed[field] as string);
  return sealed;
}

// A stored configuration with its secrets opened. A value stored before sealing existed (plain
// text) reads as it is, until the configuration is next saved. A value that does not open (sealed
// with another key) is left out, so the configuration fails validation and the channel is
// unused, rather than failing every channel of the clinic.
export function openConfig(channel: Channel, stored: Record<string, unknown>): Record<string, unknown> {
  const opened = { ...stored };
  for (const field of secretFieldsOf(channel)) {
    if (!isSealed(opened[field])) continue;
    try {
      opened[field] = unseal(opened[field] as string);
    } catch {
      console.warn(`${channel}.${field} does not decrypt with this CHANNEL_SECRETS_KEY: left out`);
      delete opened[field];
    }
  }
  return opened;
}

export type ClinicProviders = { providers: Map<Channel, ChannelProvider>; configs: Map<Channel, Record<string, unknown>> };

const cache = ttlCache<ClinicProviders>(30_000);

// A clinic's usable channels: enabled in its workspace and with a valid configuration.
// A channel whose stored configuration does not validate is treated as not enabled.
async function load(db: Database, clinicId: string): Promise<ClinicProviders> {
  const rows = await db
    .select()
    .from(clinicChannels)
    .where(and(eq(clinicChannels.clinicId, clinicId), eq(clinicChannels.enabled, true)));
  const providers = new Map<Channel, ChannelProvider>();
  const configs = new Map<Channel, Record<string, unknown>>();
  for (const row of rows) {
    if (row.channel === "in_app") {
      providers.set("in_app", createInAppProvider(db, clinicId));
      continue;
    }
    const f = PROVIDER_FACTORIES[row.channel] as Factory<z.ZodType>;
    const parsed = f.schema.safeParse(openConfig(row.channel, row.config));
    if (!parsed.success) {
      console.warn(
        `clinic ${clinicId}: ${row.channel} configuration is invalid (${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}); channel unused`,
      );
      continue;
    }
    providers.set(row.channel, f.create(parsed.data));
    configs.set(row.channel, parsed.data as Record<string, unknown>);
  }
  return { providers, configs };
}

// Cached briefly: providers hold HTTP agents and SDK clients worth reusing between events.
export function clinicProviders(db: Database, clinicId: string): Promise<ClinicProviders> {
  return cache.get(clinicId, () => load(db, clinicId));
}

export function forgetClinicProviders(clinicId?: string): void {
  cache.forget(clinicId);
}

// One channel's validated configuration for a clinic (webhooks need its secrets), or null.
export async function clinicChannelConfig<C extends keyof typeof PROVIDER_FACTORIES>(
  db: Database,
  clinicId: string,
  channel: C,
): Promise<z.output<(typeof PROVIDER_FACTORIES)[C]["schema"]> | null> {
  const [row] = await db
    .select({ config: clinicChannels.config })
    .from(clinicChannels)
    .where(and(eq(clinicChannels.clinicId, clinicId), eq(clinicChannels.channel, channel)));
  if (!row) return null;
  const parsed = PROVIDER_FACTORIES[channel].schema.safeParse(openConfig(channel, row.config));
  return parsed.success ? (parsed.data as z.output<(typeof PROVIDER_FACTORIES)[C]["schema"]>) : null;
}
