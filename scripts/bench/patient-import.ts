import { eq } from "drizzle-orm";
import { patientImports } from "@/db/schema";
import { startImport } from "@/lib/patients/import/process-import";
import { uploadImport } from "@/lib/patients/import/upload-import";
import { makeClinic, staffContextFor } from "@/lib/testing/factories";
import { execFileSync } from "node:child_process";
import type { ImportMapping } from "@/lib/patients/import/row-to-patient";
import { peakRssMiB, round } from "./stats";
import type { BenchContext, Benchmark } from "./types";

const ROWS = 100_000;

// A French practice's export: Windows-1252, ";" between fields, day-first dates, national mobiles.
function exportFile(rows: number): Buffer {
  const lines = ["N° dossier;Nom;Prénom;Date de naissance;Portable;Email;Adresse"];
  for (let i = 0; i < rows; i++) {
    const n = String(i).padStart(6, "0");
    lines.push(
      `D${n};Lefèvre${i % 977};Hélène;${String(1 + (i % 28)).padStart(2, "0")}/${String(1 + (i % 12)).padStart(2, "0")}/19${50 + (i % 50)};06 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} 12;p${n}@example.com;${i} rue de la Paix, 75002 Paris`,
    );
  }
  return Buffer.from(lines.join("\r\n"), "latin1");
}

// On PostgreSQL the import runs in a process of its own (scripts/bench/run-import-process.ts),
// so its peak memory is measured apart from this process, which also built the 10 MB file.
// In-memory PGlite cannot be shared: there it runs here, and only the total peak is known.
async function importOnce(
  handle: BenchContext["handle"],
  staffCtx: Awaited<ReturnType<typeof staffContextFor>>,
  importId: string,
  mapping: ImportMapping,
): Promise<{ seconds: number; peakRss: number | null }> {
  if (handle.engine === "postgres") {
    await staffCtx.db.update(patientImports).set({ mapping }).where(eq(patientImports.id, importId));
    // The bench's own fresh database, which the child opens by name.
    const [{ name }] = await handle.sql<{ name: string }[]>`select current_database() as name`;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const out = execFileSync(
      "npx",
      ["tsx", "--import", "./scripts/node/server-side.mjs", "scripts/bench/run-import-process.ts", staffCtx.staff.id, importId],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: url.toString() } },
    );
    const { seconds, peakRssMiB: peak } = JSON.parse(out.trim().split("\n").pop()!) as { seconds: number; peakRssMiB: number };
    return { seconds, peakRss: peak };
  }
  const started = performance.now();
  const { run } = await startImport(staffCtx, importId, mapping, new Date());
  await run();
  return { seconds: (performance.now() - started) / 1000, peakRss: null };
}

// 100,000 patients from CSV through the import's own code (stream, validate, batch upsert),
// then the same file again (every row an update, nothing duplicated).
export const patientImportBenchmark: Benchmark = {
  name: "patient-import",
  description: "CSV import of 100,000 patients: rows/s and peak RSS, first import and re-import",
  async run(ctx) {
    const clinic = await makeClinic(ctx.handle.db, { country: "FR" });
    const staffCtx = await staffContextFor(ctx.handle.db, clinic, "admin");
    const bytes = exportFile(ROWS);
    const figures: Record<string, number> = { rows: ROWS, file_mib: round(bytes.length / 1024 / 1024, 1) };
    for (const pass of ["first", "again"] as const) {
      const uploaded = await uploadImport(staffCtx, { name: `export-${pass}.csv`, bytes });
      const { seconds, peakRss } = await importOnce(ctx.handle, staffCtx, uploaded.import.id, uploaded.mapping);
      if (peakRss !== null) figures[`${pass}_import_process_peak_rss_mib`] = peakRss;
      const [done] = await ctx.handle.db.select().from(patientImports).where(eq(patientImports.id, uploaded.import.id));
      figures[`${pass}_rows_per_s`] = round(ROWS / seconds, 0);
      figures[`${pass}_created`] = done.created;
      figures[`${pass}_updated`] = done.updated;
      figures[`${pass}_skipped`] = done.skipped;
    }
    figures.bench_process_peak_rss_mib = peakRssMiB();
    return figures;
  },
};
