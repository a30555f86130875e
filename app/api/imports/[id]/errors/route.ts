// GET /api/imports/:id/errors — the rows the import skipped, as a CSV report (line;reason).
import { staffRoute } from "@/lib/api/staff-route";
import { importErrorReport } from "@/lib/patients/import/error-report";
import { importIdSchema } from "@/lib/patients/import/row-to-patient";

export const GET = staffRoute({ permission: "manage_settings", params: importIdSchema }, async ({ ctx, params }) => {
  const { fileName, body } = await importErrorReport(ctx, params.id);
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
  });
});
