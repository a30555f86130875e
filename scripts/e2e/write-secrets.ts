// tsx scripts/e2e/write-secrets.ts <file> — every clinic's webhook secrets as JSON, for the
// browser tests of the end-to-end server (never run against a real clinic's database).
import { writeFileSync } from "node:fs";
import { openDatabase, targetFromEnv } from "@/db/client";
import { allWebhookSecrets } from "@/lib/testing/webhook-secrets";

const handle = openDatabase(targetFromEnv(), { maxConnections: 1 });
writeFileSync(process.argv[2], JSON.stringify(await allWebhookSecrets(handle.db)), { mode: 0o600 });
await handle.close();
