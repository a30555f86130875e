// GET /api/attachments/:id — download a message's attachment (staff of the same clinic who
// use the inbox). Always as a download, with the sniffed type, never rendered inline.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { attachments } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { staffRoute } from "@/lib/api/staff-route";
import { inClinic } from "@/lib/clinics/scope";
import { fileStore } from "@/lib/storage/file-store";

export const GET = staffRoute({ permission: "send_messages", params: z.object({ id: z.uuid("must be an attachment id") }) }, async ({ ctx, params }) => {
  const [row] = await ctx.db.select().from(attachments).where(inClinic(ctx, attachments, eq(attachments.id, params.id)));
  if (!row) throw new NotFoundError("Attachment");
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
});
