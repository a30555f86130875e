import type { Database } from "@/db/client";
import { clinics } from "@/db/schema";
import { clinicChannelConfig } from "@/lib/notifications/providers/registry";

export type ClinicWebhookSecrets = { whatsapp: string; whatsappVerifyToken: string; smsAuthToken: string };

// What a test needs to sign a webhook as the provider would: the clinic's own secrets.
export async function webhookSecretsOf(db: Database, clinicId: string): Promise<ClinicWebhookSecrets> {
  const [whatsapp, sms] = await Promise.all([clinicChannelConfig(db, clinicId, "whatsapp"), clinicChannelConfig(db, clinicId, "sms")]);
  if (!whatsapp || !sms) throw new Error(`clinic ${clinicId} has no local WhatsApp or SMS channel`);
  return { whatsapp: whatsapp.webhookSecret, whatsappVerifyToken: whatsapp.verifyToken, smsAuthToken: sms.authToken };
}

// Every clinic's secrets by clinic id: the end-to-end server hands them to the browser tests.
export async function allWebhookSecrets(db: Database): Promise<Record<string, ClinicWebhookSecrets>> {
  const out: Record<string, ClinicWebhookSecrets> = {};
  // Clinics without local WhatsApp and SMS channels have nothing to sign with: left out.
  for (const { id } of await db.select({ id: clinics.id }).from(clinics)) {
    const secrets = await webhookSecretsOf(db, id).catch(() => null);
    if (secrets) out[id] = secrets;
  }
  return out;
}
