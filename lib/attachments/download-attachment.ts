import "server-only";
import { eq } from "drizzle-orm";
import { attachments } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { NotFoundError } from "@/lib/errors/app-errors";
import { fileStore } from "@/lib/storage/file-store";

// A message's attachment as a download for staff of its clinic: always with the sniffed type,
// never rendered inline (nosniff), never cached.
// A file not yet sent is its uploader's alone (it may be the wrong file, about to be removed).
export async function downloadAttachment(ctx: Pick<StaffContext, "db" | "clinicId" | "staff">, attachmentId: string): Promise<Response> {
  const [row] = await ctx.db
    .select()
    .from(attachments)
    .where(inClinic(ctx, attachments, eq(attachments.id, attachmentId)));
  if (!row || (row.messageId === null && row.uploadedByStaffId !== ctx.staff.id)) throw new NotFoundError("Attachment");
  const bytes = await fileStore().get(row.storageKey);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": row.contentType,
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
