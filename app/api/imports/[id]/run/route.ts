// POST /api/imports/:id/run — starts the import (202); it runs after the answer, and
// GET /api/imports/:id shows its progress. 409 if it is already running.
import { after, NextResponse } from "next/server";
import { staffRoute } from "@/lib/api/staff-route";
import { startImport } from "@/lib/patients/import/process-import";
import { importRunSchema } from "@/lib/patients/import/row-to-appointment";
import { importIdSchema } from "@/lib/patients/import/row-to-patient";

export const POST = staffRoute(
  { permission: "manage_settings", params: importIdSchema, body: importRunSchema },
  async ({ ctx, params, body }) => {
    const started = await startImport(ctx, params.id, body.mapping, new Date());
    after(started.run);
    return NextResponse.json({ import: started.import }, { status: 202 });
  },
);
