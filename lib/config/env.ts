import { z } from "zod";

// Every environment variable the app reads, parsed once at the edge. Defaults make
// `npm run dev` work on a bare machine; README.md lists them all.
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  AUTH_SECRET_FILE: z.string().min(1).default(".data/auth-secret"),
  // The key that encrypts the clinics' provider credentials at rest (AES-256-GCM): 32 bytes,
  // base64. Without it (the embedded default) one is made once and kept in this file.
  CHANNEL_SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)")
    .optional(),
  CHANNEL_SECRETS_KEY_FILE: z.string().min(1).default(".data/channel-secrets-key"),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  // The app's public URL: QStash calls back {APP_URL}/api/jobs/events; webhooks are verified against it.
  APP_URL: z.url().optional(),
  NEXTAUTH_URL: z.url().optional(),
  // Set: events go through QStash. Unset: the embedded in-process queue (events table).
  QSTASH_TOKEN: z.string().min(1).optional(),
  QSTASH_URL: z.url().optional(),
  QSTASH_CURRENT_SIGNING_KEY: z.string().min(1).optional(),
  QSTASH_NEXT_SIGNING_KEY: z.string().min(1).optional(),
  // The local provider sinks of the embedded default (development, demos, end-to-end tests).
  // Off in production unless asked for.
  LOCAL_SINKS: z.enum(["on", "off"]).optional(),
  // The demo clinics: seeded on a first development start; in production only with DEMO_SEED=1.
  DEMO_SEED: z.enum(["0", "1"]).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  LOCAL_SINK_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  // Where SNS signing certificates may come from (a regex). Only loosened for local tests.
  SNS_CERT_URL_PATTERN: z.string().optional(),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(0).default(500),
  // Message attachments: a folder on local disk by default, or an S3-compatible bucket.
  STORAGE_DIR: z.string().min(1).default(".data/uploads"),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function appUrl(): string {
  const { APP_URL, NEXTAUTH_URL } = env();
  return (APP_URL ?? NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

// Local sinks run in development unless turned off; in production (next start) or with QStash
// only when LOCAL_SINKS=on, so a real clinic's messages never go to a sink by default.
export function localSinksEnabled(): boolean {
  const { LOCAL_SINKS, QSTASH_TOKEN, NODE_ENV } = env();
  return LOCAL_SINKS ? LOCAL_SINKS === "on" : NODE_ENV !== "production" && !QSTASH_TOKEN;
}

export function localSinkUrl(): string {
  return `http://127.0.0.1:${env().LOCAL_SINK_PORT}`;
}

// Where the demo seed points providers: the local sinks, unless they are turned off.
export function demoSinks(): { sinkUrl: string; appUrl: string } | undefined {
  return localSinksEnabled() ? { sinkUrl: localSinkUrl(), appUrl: appUrl() } : undefined;
}

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

// Reads the environment again on next use (tests that change a variable, a config reload).
export function reloadEnv(): void {
  cached = undefined;
}
