import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { UnauthenticatedError } from "@/lib/errors/app-errors";

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

// Creates a key for a clinic's other systems. The key is shown once; only its hash is kept.
export async function createApiKey(db: Database, clinicId: string, name: string, key = `cnk_${randomBytes(32).toString("base64url")}`) {
  await db.insert(apiKeys).values({ clinicId, name, prefix: key.slice(0, 12), keyHash: hashKey(key) });
  return key;
}

// "Authorization: Bearer <key>" → the clinic it belongs to; unknown or revoked keys are 401.
export async function clinicForApiKey(db: Database, authorization: string | null, now: Date): Promise<string> {
  const key = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!key) throw new UnauthenticatedError("Send the clinic's API key as: Authorization: Bearer <key>.");
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.keyHash, hashKey(key)), isNull(apiKeys.revokedAt)))
    .returning({ clinicId: apiKeys.clinicId });
  if (!row) throw new UnauthenticatedError("This API key is unknown or revoked.");
  return row.clinicId;
}
