import "server-only";
import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import type { Database } from "@/db/client";
import { attachments } from "@/db/schema";
import { env } from "@/lib/config/env";
import { fileStore, type FileStore } from "@/lib/storage/file-store";
import { checkFile, type FileVerdict } from "./rules";

export type StoreFileOptions = { store?: FileStore; maxBytes?: number; uploadedByStaffId?: string; messageId?: string };

// One file into the store and its row, if its sniffed type and size are acceptable: for a
// staff upload and for a file that came with a patient's email alike. The bytes go first and
// the row after, so a row never points at a file that is not there.
export async function storeFile(db: Database, clinicId: string, file: { name: string; bytes: Uint8Array }, options: StoreFileOptions = {}) {
  const maxBytes = options.maxBytes ?? env().ATTACHMENT_MAX_BYTES;
  const sniffed = file.bytes.byteLength > maxBytes ? undefined : await fileTypeFromBuffer(file.bytes);
  const verdict = checkFile({ sizeBytes: file.bytes.byteLength, sniffedType: sniffed?.mime ?? null }, maxBytes);
  if (!verdict.ok) return { ok: false as const, verdict: verdict as Extract<FileVerdict, { ok: false }> };

  const id = randomUUID();
  const storageKey = `${clinicId}/${id}`;
  await (options.store ?? fileStore()).put(storageKey, file.bytes);
  const [row] = await db
    .insert(attachments)
    .values({
      id,
      clinicId,
      messageId: options.messageId,
      fileName: displayName(file.name, sniffed!.ext),
      contentType: verdict.contentType,
      sizeBytes: file.bytes.byteLength,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      storageKey,
      uploadedByStaffId: options.uploadedByStaffId,
    })
    .returning();
  return { ok: true as const, row };
}

// A file name as a person gave it, safe to store and show: no folders, no control characters
// (a NUL cannot be stored as text), no format characters, no quotes; at most 120 characters.
export function cleanFileName(name: string, fallback: string): string {
  return (
    path
      .basename(name.replaceAll("\\", "/"))
      .replace(/[\p{Cc}\p{Cf}"]/gu, "")
      .trim()
      .slice(0, 120) || fallback
  );
}

// The name the patient sees: no folders, no control or format characters (a right-to-left
// override turns "invoice\u202Efdp.exe" into what reads as "invoiceexe.pdf"), and an extension
// that says what the file really is ("scan.exe" holding a PDF becomes "scan.exe.pdf").
export function displayName(name: string, extension: string): string {
  const base = cleanFileName(name, "attachment");
  return base.toLowerCase().endsWith(`.${extension}`) || (extension === "jpg" && /\.jpe?g$/i.test(base)) ? base : `${base}.${extension}`;
}
