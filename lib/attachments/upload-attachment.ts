import { AppError } from "@/lib/errors/app-errors";
import type { StaffContext } from "@/lib/auth/staff-context";
import { storeFile, type StoreFileOptions } from "./store-file";

export { displayName } from "./store-file";

const STATUS = { empty: 400, too_large: 413, type_not_allowed: 415 } as const;

// A staff member uploads a file for a message they are writing; a refused file is a 4xx
// that says why (its sniffed type, or its size against the limit).
export async function uploadAttachment(ctx: Pick<StaffContext, "db" | "clinicId" | "staff">, file: { name: string; bytes: Uint8Array }, options: Omit<StoreFileOptions, "uploadedByStaffId"> = {}) {
  const stored = await storeFile(ctx.db, ctx.clinicId, file, { ...options, uploadedByStaffId: ctx.staff.id });
  if (!stored.ok) throw new AppError(STATUS[stored.verdict.reason], stored.verdict.reason, stored.verdict.detail, { file: [stored.verdict.detail] });
  return stored.row;
}
