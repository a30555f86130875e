// POST /api/attachments — upload one file (multipart/form-data, field "file") for a message
// being written. Answers 201 with the attachment; 413 too large, 415 a type we do not send.
import { NextResponse } from "next/server";
import { AppError, InvalidInputError } from "@/lib/errors/app-errors";
import { staffRoute } from "@/lib/api/staff-route";
import { megabytes } from "@/lib/attachments/rules";
import { uploadAttachment } from "@/lib/attachments/upload-attachment";
import { env } from "@/lib/config/env";

// Room for the multipart framing around the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;

export const POST = staffRoute({ permission: "send_messages" }, async ({ ctx, request }) => {
  const maxBytes = env().ATTACHMENT_MAX_BYTES;
  // Refuse an oversized body before reading it.
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + MULTIPART_OVERHEAD) {
    const limit = megabytes(maxBytes);
    throw new AppError(413, "too_large", `The file is larger than the ${limit} limit.`, { file: [`is larger than ${limit}`] });
  }
  const form = await request.formData().catch(() => {
    throw new InvalidInputError("Send the file as multipart/form-data.", { file: ["is required"] });
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new InvalidInputError("Send the file in a field named \"file\".", { file: ["is required"] });
  const row = await uploadAttachment(ctx, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return NextResponse.json(
    { attachment: { id: row.id, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes } },
    { status: 201 },
  );
});
