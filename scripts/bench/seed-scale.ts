import { seedScale } from "@/db/seed/demo";
import { peakRssMiB, round, timeIt } from "./stats";
import type { Benchmark } from "./types";

export const seedScaleBenchmark: Benchmark = {
  name: "seed-scale",
  description: "db:seed --scale: patients with households and two appointments each, batched inserts",
  async run(ctx) {
    const { ms, result } = await timeIt(() => seedScale(ctx.handle.db, ctx.options.patients, new Date()));
    ctx.state.scaleClinicId = result.clinicId;
    const rows = result.patients + result.appointments;
    return {
      patients: result.patients,
      appointments: result.appointments,
      seconds: round(ms / 1000, 2),
      rows_per_s: Math.round(rows / (ms / 1000)),
      peak_rss_mib: peakRssMiB(),
    };
  },
};
