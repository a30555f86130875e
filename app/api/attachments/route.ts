// POST /api/attachments — upload one file (multipart/form-data, field "file") for a message
// being written. Answers 201 with the attachment; 413 too large, 415 a type we do not send.
import { NextResponse } from "next/server";
import { AppError, InvalidInputError } from "@/lib/errors/app-errors";
import { readBodyBytes } from "@/lib/api/read-body";
import { staffRoute } from "@/lib/api/staff-route";
import { megabytes } from "@/lib/attachments/rules";
import { uploadAttachment } from "@/lib/attachments/upload-attachment";
import { env } from "@/lib/config/env";

// Room for the multipart framing around the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;

export const POST = staffRoute({ permission: "send_messages" }, async ({ ctx, request }) => {
  const maxBytes = env().ATTACHMENT_MAX_BYTES;
  const limit = megabytes(maxBytes);
  // Read as it arrives and cut past the limit: an oversized or endless body never fills memory.
  const body = await readBodyBytes(request, maxBytes + MULTIPART_OVERHEAD).catch((error) => {
    if (error instanceof AppError && error.status === 413)
      throw new AppError(413, "too_large", `The file is larger than the ${limit} limit.`, { file: [`is larger than ${limit}`] });
    throw error;
  });
  const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => {
    throw new InvalidInputError("Send the file as multipart/form-data.", { file: ["is required"] });
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new InvalidInputError('Send the file in a field named "file".', { file: ["is required"] });
  const row = await uploadAttachment(ctx, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return NextResponse.json(
    { attachment: { id: row.id, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes } },
    { status: 201 },
  );
});
