// npm test — every suite in order, one closing line for the whole run: "N passed, N failed".
//   1. Vitest: unit + integration (PGlite in memory, or fresh PostgreSQL databases with DATABASE_URL)
//   2. next build (production)
//   3. Playwright end-to-end against `next start` on a fresh database; with DATABASE_URL set,
//      the @embedded stories also run, in the same pool, against a second server on PGlite, so
//      the zero-config default is proven in the same run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const OUT = ".test-output";
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(label: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`◀ ${label}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return result.status === 0;
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

// A stage that crashed before reporting still counts as one failure.
function add(tally: Tally | undefined, ok: boolean) {
  if (!tally) {
    if (!ok) total.failed += 1;
    return;
  }
  total.passed += tally.passed;
  total.failed += tally.failed + (ok || tally.failed ? 0 : 1);
  total.skipped += tally.skipped;
}

function vitestTally(file: string): Tally | undefined {
  const r = readJson(file) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | undefined;
  return r && { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightTally(file: string): Tally | undefined {
  const r = readJson(file) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;
  return r && { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

function playwright(label: string, outName: string, args: string[], extraEnv: Record<string, string> = {}) {
  const file = path.join(OUT, outName);
  const ok = run(label, "npx", ["playwright", "test", "--reporter=list,json", ...args], { PLAYWRIGHT_JSON_OUTPUT_NAME: file, ...extraEnv });
  add(playwrightTally(file), ok);
}

const unitOk = run("unit + integration (vitest)", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${OUT}/vitest.json`,
]);
add(vitestTally(`${OUT}/vitest.json`), unitOk);

rmSync(".next", { recursive: true, force: true });
if (run("production build (next build)", "npx", ["next", "build"])) {
  // With DATABASE_URL, one run covers PostgreSQL and, side by side, the @embedded stories on
  // the zero-config default (PGlite): two servers, one pool of workers (playwright.config.ts).
  const engines = process.env.DATABASE_URL ? "PostgreSQL, and PGlite for @embedded" : "embedded PGlite";
  playwright(`end-to-end (Playwright, ${engines})`, "e2e.json", []);
} else {
  total.failed += 1;
}

console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
