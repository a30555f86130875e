// POST /api/imports — upload a CSV of patients (multipart, field "file", at most 50 MB); answers
// its detected encoding and separator, the header, the first rows and a mapping to check. Admins.
import { NextResponse } from "next/server";
import { readBodyBytes } from "@/lib/api/read-body";
import { staffRoute } from "@/lib/api/staff-route";
import { AppError, InvalidInputError } from "@/lib/errors/app-errors";
import { uploadImport } from "@/lib/patients/import/upload-import";

const MAX_BYTES = 50 * 1024 * 1024;

export const POST = staffRoute({ permission: "manage_settings" }, async ({ ctx, request }) => {
  const body = await readBodyBytes(request, MAX_BYTES + 64 * 1024).catch((error) => {
    if (error instanceof AppError && error.status === 413)
      throw new AppError(413, "too_large", "The file is larger than 50 MB.", { file: ["is larger than 50 MB"] });
    throw error;
  });
  const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => {
    throw new InvalidInputError("Send the file as multipart/form-data.", { file: ["is required"] });
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new InvalidInputError('Send the file in a field named "file".', { file: ["is required"] });
  return NextResponse.json(await uploadImport(ctx, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }), { status: 201 });
});
