// POST /api/imports — upload a CSV of patients, or (field "kind": appointments) of future
// appointments (multipart, field "file", at most 50 MB); answers
// its detected encoding and separator, the header, the first rows and a mapping to check. Admins.
import { NextResponse } from "next/server";
import { readBodyBytes } from "@/lib/api/read-body";
import { staffRoute } from "@/lib/api/staff-route";
import { AppError, InvalidInputError } from "@/lib/errors/app-errors";
import { uploadImport } from "@/lib/patients/import/upload-import";
import { z } from "zod";

// What the file holds: patients (the default), or future appointments of imported patients.
const importKindSchema = z.enum(["patients", "appointments"]).default("patients");

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
  const kind = importKindSchema.safeParse(form.get("kind") ?? undefined);
  if (!kind.success) throw new InvalidInputError("Say what the file holds.", { kind: ["must be patients or appointments"] });
  return NextResponse.json(await uploadImport(ctx, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, kind.data), {
    status: 201,
  });
});
