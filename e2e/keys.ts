import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Secrets the end-to-end server is started with, so tests can sign what providers would sign.
export const E2E_QSTASH_KEYS = { current: "e2e_qstash_current_signing_key", next: "e2e_qstash_next_signing_key" } as const;

export type ClinicWebhookSecrets = { whatsapp: string; whatsappVerifyToken: string; smsAuthToken: string };

// Each demo clinic has random webhook secrets of its own; the e2e server writes them here
// (scripts/e2e/serve.ts) for the tests that sign webhooks as a provider would.
export const e2eSecretsFile = (port: string | number) => path.join(tmpdir(), `clinic-notify-e2e-${port}-webhook-secrets.json`);

export function webhookSecretsFor(baseURL: string, clinicId: string): ClinicWebhookSecrets {
  const all = JSON.parse(readFileSync(e2eSecretsFile(new URL(baseURL).port), "utf8")) as Record<string, ClinicWebhookSecrets>;
  const secrets = all[clinicId];
  if (!secrets) throw new Error(`no webhook secrets for clinic ${clinicId}`);
  return secrets;
}

// The session cookies tests share (./sessions.ts); the e2e server empties the folder when it
// starts and stops, so no session outlives the run (and the secret) it was signed with.
export const e2eSessionsDir = (port: string | number) => path.join(tmpdir(), `clinic-notify-e2e-${port}-sessions`);
