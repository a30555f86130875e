import "server-only";
import { and, count, eq, isNull, sum } from "drizzle-orm";
import { attachments } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { AppError } from "@/lib/errors/app-errors";
import { megabytes } from "./rules";
import { storeFile, type StoreFileOptions } from "./store-file";

// What one staff member may hold uploaded but not yet sent: enough for any message being
// written, not a free file host. Sent files and swept ones do not count.
export const UNSENT_QUOTA = { files: 20, bytes: 100 * 1024 * 1024 };

export { displayName } from "./store-file";

const STATUS = { empty: 400, too_large: 413, type_not_allowed: 415 } as const;

// A staff member uploads a file for a message they are writing; a refused file is a 4xx
// that says why (its sniffed type, or its size against the limit).
export async function uploadAttachment(
  ctx: Pick<StaffContext, "db" | "clinicId" | "staff">,
  file: { name: string; bytes: Uint8Array },
  options: Omit<StoreFileOptions, "uploadedByStaffId"> = {},
) {
  const [held] = await ctx.db
    .select({ files: count(), bytes: sum(attachments.sizeBytes) })
    .from(attachments)
    .where(and(eq(attachments.clinicId, ctx.clinicId), eq(attachments.uploadedByStaffId, ctx.staff.id), isNull(attachments.messageId)));
  if (held.files >= UNSENT_QUOTA.files || Number(held.bytes ?? 0) + file.bytes.byteLength > UNSENT_QUOTA.bytes) {
    const why = `you hold ${held.files} unsent files (at most ${UNSENT_QUOTA.files}, ${megabytes(UNSENT_QUOTA.bytes)} in all); send or wait for them to expire`;
    throw new AppError(429, "upload_quota", `Upload quota reached: ${why}.`, { file: [why] });
  }
  const stored = await storeFile(ctx.db, ctx.clinicId, file, { ...options, uploadedByStaffId: ctx.staff.id });
  if (!stored.ok)
    throw new AppError(STATUS[stored.verdict.reason], stored.verdict.reason, stored.verdict.detail, { file: [stored.verdict.detail] });
  return stored.row;
}
