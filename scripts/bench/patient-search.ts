import { eq } from "drizzle-orm";
import { clinics } from "@/db/schema";
import { seedScale } from "@/db/seed/demo";
import { patientSearchSchema } from "@/lib/patients/schemas";
import { searchPatients } from "@/lib/patients/search-patients";
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
    const firstPage = await searchPatients(clinicCtx, patientSearchSchema.parse({}));
    const sample = firstPage.patients.find((p) => p.phone && p.email) ?? firstPage.patients[0];

    const kinds: Record<string, Record<string, string>> = {
      list_first_page: {},
      list_next_page: { cursor: firstPage.nextCursor ?? "" },
      last_name: { q: sample.lastName },
      full_name: { q: `${sample.firstName} ${sample.lastName}` },
      name_fragment: { q: sample.lastName.slice(0, 3) },
      phone_national: { q: `0${sample.phone?.slice(3) ?? "612"}` },
      email: { q: sample.email ?? "example" },
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
    return {
      patients: ctx.options.patients,
      all_p50_ms: round(percentile(all, 50), 2),
      all_p95_ms: round(percentile(all, 95), 2),
      ...figures,
    };
  },
};
