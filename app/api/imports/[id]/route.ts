// GET /api/imports/:id — an import's status and counts (the page polls it while it runs).
import { staffRoute } from "@/lib/api/staff-route";
import { importIdSchema } from "@/lib/patients/import/row-to-patient";
import { getImport, publicImport } from "@/lib/patients/import/upload-import";

export const GET = staffRoute({ permission: "manage_settings", params: importIdSchema }, async ({ ctx, params }) => ({
  import: publicImport(await getImport(ctx, params.id)),
}));
