import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { attachments } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import type { StaffContext } from "@/lib/auth/staff-context";
import { env } from "@/lib/config/env";
import { fileStore, type FileStore } from "@/lib/storage/file-store";
import { checkFile } from "./rules";

const STATUS = { empty: 400, too_large: 413, type_not_allowed: 415 } as const;

// A staff member uploads a file for a message they are writing. Its type comes from its
// bytes; the bytes go to the file store first and the row after, so a row never points at
// a file that is not there.
export async function uploadAttachment(
  ctx: Pick<StaffContext, "db" | "clinicId" | "staff">,
  file: { name: string; bytes: Uint8Array },
  options: { store?: FileStore; maxBytes?: number } = {},
) {
  const maxBytes = options.maxBytes ?? env().ATTACHMENT_MAX_BYTES;
  const sniffed = file.bytes.byteLength > maxBytes ? undefined : await fileTypeFromBuffer(file.bytes);
  const verdict = checkFile({ sizeBytes: file.bytes.byteLength, sniffedType: sniffed?.mime ?? null }, maxBytes);
  if (!verdict.ok) throw new AppError(STATUS[verdict.reason], verdict.reason, verdict.detail, { file: [verdict.detail] });

  const id = randomUUID();
  const storageKey = `${ctx.clinicId}/${id}`;
  await (options.store ?? fileStore()).put(storageKey, file.bytes);
  const [row] = await ctx.db
    .insert(attachments)
    .values({
      id,
      clinicId: ctx.clinicId,
      fileName: displayName(file.name, sniffed!.ext),
      contentType: verdict.contentType,
      sizeBytes: file.bytes.byteLength,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      storageKey,
      uploadedByStaffId: ctx.staff.id,
    })
    .returning();
  return row;
}

// The name the patient sees: no folders, no control characters, and an extension that says
// what the file really is ("scan.exe" holding a PDF becomes "scan.exe.pdf").
export function displayName(name: string, extension: string): string {
  const base = path.basename(name.replaceAll("\\", "/")).replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 120) || "attachment";
  return base.toLowerCase().endsWith(`.${extension}`) || (extension === "jpg" && /\.jpe?g$/i.test(base)) ? base : `${base}.${extension}`;
}
