import "server-only";
import { and, isNull, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { attachments } from "@/db/schema";
import { logError } from "@/lib/errors/log-error";
import { fileStore, type FileStore } from "@/lib/storage/file-store";

// Uploads never sent within a day are orphans (the message was abandoned): their rows and bytes
// go. The row is deleted first, guarded on still being unsent, so a file sent meanwhile stays.
export const UNSENT_TTL_MS = 24 * 60 * 60 * 1000;

export async function sweepUnsentUploads(db: Database, now: Date, store: FileStore = fileStore()): Promise<number> {
  const gone = await db
    .delete(attachments)
    .where(and(isNull(attachments.messageId), lt(attachments.createdAt, new Date(now.getTime() - UNSENT_TTL_MS))))
    .returning({ storageKey: attachments.storageKey });
  for (const { storageKey } of gone)
    await store.delete(storageKey).catch((error) => logError("unsent upload sweep: file not removed", error));
  return gone.length;
}
