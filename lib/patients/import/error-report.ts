import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { patientImportErrors } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { getImport } from "./upload-import";

const PAGE = 1000;
// Quoted, and a reason that starts like a formula (it may quote a cell: "=cmd…") is led by an
// apostrophe, so a spreadsheet shows it as text instead of running it.
const quote = (value: string) => `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replaceAll('"', '""')}"`;

// The skipped rows of a run, streamed page by page as CSV (with a BOM, so spreadsheet
// software reads the accents), one line per row of the original file.
export async function importErrorReport(ctx: Pick<StaffContext, "db" | "clinicId">, importId: string) {
  const row = await getImport(ctx, importId);
  const encoder = new TextEncoder();
  let lastLine = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\ufeffline;reason;row\r\n"));
    },
    async pull(controller) {
      const page = await ctx.db
        .select()
        .from(patientImportErrors)
        .where(and(eq(patientImportErrors.importId, importId), gt(patientImportErrors.line, lastLine)))
        .orderBy(asc(patientImportErrors.line))
        .limit(PAGE);
      lastLine = page.at(-1)?.line ?? lastLine;
      if (page.length) controller.enqueue(encoder.encode(page.map((e) => `${e.line};${quote(e.reason)};${quote(e.content)}\r\n`).join("")));
      if (page.length < PAGE) controller.close();
    },
  });
  return { fileName: `${row.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_")}-skipped-rows.csv`, body };
}
