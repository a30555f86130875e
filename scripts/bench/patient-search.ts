import { and, eq, sql } from "drizzle-orm";
import { clinics, patients } from "@/db/schema";
import { seedScale } from "@/db/seed/demo";
import { patientSearchSchema } from "@/lib/patients/schemas";
import { patientSearchQuery, searchPatients } from "@/lib/patients/search-patients";
import type { Database } from "@/db/client";
import type { PatientSearch } from "@/lib/patients/schemas";
import { percentile, round, timeIt } from "./stats";
import type { Benchmark } from "./types";

const ROUNDS = 60;

// The function behind GET /api/patients, called as the route calls it (parsed query,
// clinic context), over the scale clinic: the kinds of search a receptionist types.
export const patientSearchBenchmark: Benchmark = {
  name: "patient-search",
  description: "GET /api/patients handler on the --scale clinic: p50/p95 per kind of query",
  async run(ctx) {
    ctx.state.scaleClinicId ??= (await seedScale(ctx.handle.db, ctx.options.patients, new Date())).clinicId;
    const [clinic] = await ctx.handle.db.select().from(clinics).where(eq(clinics.id, ctx.state.scaleClinicId));
    const clinicCtx = { db: ctx.handle.db, clinicId: clinic.id, clinic };
    // The previous software's patient numbers, as an import leaves them, and one patient in 40
    // with a French name the seed's generator does not write (accents, a ligature, an apostrophe).
    await ctx.handle.db.execute(sql`
      update patients set external_id = 'P' || lpad(n::text, 6, '0'),
        last_name = case when n % 40 = 0 then (array['Lefèvre', 'Cœurderoy', 'N’Diaye', 'Bénard', 'Hélie-Gaël'])[1 + (n / 40) % 5] else last_name end
      from (select id, row_number() over (order by id) as n from patients where clinic_id = ${clinic.id}) numbered
      where patients.id = numbered.id and patients.external_id is null`);
    await ctx.handle.db.execute(sql`analyze patients`);
    const firstPage = await searchPatients(clinicCtx, patientSearchSchema.parse({}));
    const sample = firstPage.patients.find((p) => p.phone && p.email) ?? firstPage.patients[0];
    const [accented] = await ctx.handle.db
      .select({ firstName: patients.firstName, lastName: patients.lastName, externalId: patients.externalId })
      .from(patients)
      .where(and(eq(patients.clinicId, clinic.id), eq(patients.lastName, "Cœurderoy")))
      .limit(1);
    const [numbered] = await ctx.handle.db
      .select({ externalId: patients.externalId })
      .from(patients)
      .where(eq(patients.clinicId, clinic.id))
      .offset(Math.floor(ctx.options.patients / 2))
      .limit(1);
    // Typed without its accents or ligatures, as a receptionist would.
    const plain = (text: string) =>
      text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/œ/g, "oe");

    const kinds: Record<string, Record<string, string>> = {
      list_first_page: {},
      list_next_page: { cursor: firstPage.nextCursor ?? "" },
      last_name: { q: sample.lastName },
      full_name: { q: `${sample.firstName} ${sample.lastName}` },
      name_fragment: { q: sample.lastName.slice(0, 3) },
      phone_national: { q: `0${sample.phone?.slice(3) ?? "612"}` },
      email: { q: sample.email ?? "example" },
      accented_name_typed_plain: { q: plain(`${accented?.lastName ?? sample.lastName}`) },
      patient_number: { q: numbered?.externalId ?? "P000001" },
      no_match: { q: "zzqxw" },
    };

    const all: number[] = [];
    const figures: Record<string, number> = {};
    for (const [kind, input] of Object.entries(kinds)) {
      const query = patientSearchSchema.parse(input);
      await searchPatients(clinicCtx, query); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < ROUNDS; i++) samples.push((await timeIt(() => searchPatients(clinicCtx, query))).ms);
      figures[`${kind}_p50_ms`] = round(percentile(samples, 50), 2);
      figures[`${kind}_p95_ms`] = round(percentile(samples, 95), 2);
      all.push(...samples);
    }
    // The plan of the kinds a receptionist types most, so a lost index shows in the output.
    for (const kind of ["accented_name_typed_plain", "patient_number", "phone_national"]) {
      console.log(`plan for ${kind} (typed "${kinds[kind].q}"${kind.startsWith("accented") ? ` for ${accented?.lastName}` : ""}):`);
      console.log(await explainSearch(clinicCtx, patientSearchSchema.parse(kinds[kind])));
    }
    return {
      patients: ctx.options.patients,
      all_p50_ms: round(percentile(all, 50), 2),
      all_p95_ms: round(percentile(all, 95), 2),
      ...figures,
    };
  },
};

async function explainSearch(clinicCtx: Parameters<typeof patientSearchQuery>[0] & { db: Database }, search: PatientSearch) {
  const rows = (await clinicCtx.db.execute(
    sql`explain (analyze, costs off) ${patientSearchQuery(clinicCtx, search)}`,
  )) as unknown as Record<string, string>[];
  return rows.map((r) => `  ${Object.values(r)[0]}`).join("\n");
}
