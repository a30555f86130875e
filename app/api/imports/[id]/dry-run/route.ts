// POST /api/imports/:id/dry-run — reads the whole file with this mapping, writes nothing;
// answers the counts and the first 100 rows that would be skipped, with their lines.
import { staffRoute } from "@/lib/api/staff-route";
import { processImport } from "@/lib/patients/import/process-import";
import { importRunSchema } from "@/lib/patients/import/row-to-appointment";
import { importIdSchema } from "@/lib/patients/import/row-to-patient";

export const POST = staffRoute({ permission: "manage_settings", params: importIdSchema, body: importRunSchema }, ({ ctx, params, body }) =>
  processImport(ctx, params.id, body.mapping, { dryRun: true }, new Date()),
);
