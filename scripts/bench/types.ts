import type { DatabaseHandle } from "@/db/client";

export type Figures = Record<string, number | string>;

// What benchmarks share in one run: the database, and what earlier benchmarks left
// (the seeded scale clinic) so later ones need not seed again.
export type BenchContext = {
  handle: DatabaseHandle;
  options: { patients: number; conversations: number; messages: number };
  state: { scaleClinicId?: string };
};

export type Benchmark = { name: string; description: string; run: (ctx: BenchContext) => Promise<Figures> };
