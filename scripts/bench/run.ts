// npm run bench [-- name …] [--patients N] [--conversations N] [--messages N] — runs the named benchmarks (all by default) on a
// fresh database (PostgreSQL when DATABASE_URL is set, else in-memory PGlite) and prints a
// table and the JSON of their figures.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createTestDatabase } from "@/lib/testing/test-database";
import { agendaBenchmark } from "./agenda";
import { inboxBenchmark } from "./inbox";
import { inboxJsSizeBenchmark } from "./inbox-js-size";
import { patientImportBenchmark } from "./patient-import";
import { patientSearchBenchmark } from "./patient-search";
import { pipelineBenchmark } from "./pipeline";
import { pushFanoutBenchmark } from "./push-fanout";
import { reminderTickBenchmark } from "./reminder-tick";
import { seedScaleBenchmark } from "./seed-scale";
import type { BenchContext, Benchmark, Figures } from "./types";

const BENCHMARKS: Benchmark[] = [
  seedScaleBenchmark,
  patientSearchBenchmark,
  pipelineBenchmark,
  inboxBenchmark,
  inboxJsSizeBenchmark,
  agendaBenchmark,
  patientImportBenchmark,
  reminderTickBenchmark,
  pushFanoutBenchmark,
];

const { values, positionals } = parseArgs({
  options: {
    patients: { type: "string", default: "50000" },
    conversations: { type: "string", default: "50000" },
    messages: { type: "string", default: "1000000" },
  },
  allowPositionals: true,
});
const patients = z.coerce.number().int().min(100).parse(values.patients);
const conversations = z.coerce.number().int().min(100).parse(values.conversations);
const messages = z.coerce.number().int().min(100).parse(values.messages);
const unknown = positionals.filter((name) => !BENCHMARKS.some((b) => b.name === name));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
  process.exit(2);
}
const selected = positionals.length ? BENCHMARKS.filter((b) => positionals.includes(b.name)) : BENCHMARKS;

const handle = await createTestDatabase();
const ctx: BenchContext = { handle, options: { patients, conversations, messages }, state: {} };
const results: { name: string; engine: string; figures: Figures }[] = [];
try {
  for (const bench of selected) {
    console.log(`▶ ${bench.name}: ${bench.description}`);
    const figures = await bench.run(ctx);
    results.push({ name: bench.name, engine: handle.engine, figures });
    console.table(figures);
  }
} finally {
  await handle.close();
}
console.log(JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
process.exit(0);
