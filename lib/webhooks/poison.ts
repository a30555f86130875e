import "server-only";
import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import { poisonWebhooks } from "@/db/schema";
import type { WebhookResult } from "./webhook-result";

// A signed webhook we cannot use is kept once (per clinic, provider and body) and answered
// 200: the provider is not at fault in a way a retry would fix, and retrying forever would
// only repeat it. Support sees what was wrong; nothing half-applied is stored elsewhere.
export async function recordPoison(
  db: Database,
  clinicId: string,
  provider: string,
  raw: string,
  problems: Record<string, string[]>,
): Promise<WebhookResult> {
  const [stored] = await db
    .insert(poisonWebhooks)
    .values({
      clinicId,
      provider,
      bodySha256: createHash("sha256").update(raw).digest("hex"),
      problems,
      // PostgreSQL text cannot hold NUL: keep it visible instead.
      body: raw.replaceAll("\u0000", "\\u0000"),
    })
    .onConflictDoNothing()
    .returning({ id: poisonWebhooks.id });
  return { status: 200, body: { outcome: "poison", recorded: Boolean(stored), problems } };
}
