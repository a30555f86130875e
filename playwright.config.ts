import { existsSync } from "node:fs";
import os from "node:os";
import { defineConfig, devices } from "@playwright/test";

// System Chromium where there is one (offline machines cannot download Playwright's own).
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const port = Number(process.env.E2E_PORT ?? 3100);
const url = (p: number) => `http://localhost:${p}`;
// With DATABASE_URL set the stories run on PostgreSQL, and those tagged @embedded run again,
// at the same time, against a second server on the zero-config default (PGlite).
const embeddedPort = port + 1;
const both = Boolean(process.env.DATABASE_URL);

// A production build on a fresh database, dropped when the run ends (scripts/e2e/serve.ts).
const server = (p: number, env: Record<string, string> = {}) => ({
  command: `tsx --import ./scripts/node/server-side.mjs scripts/e2e/serve.ts --port ${p}`,
  url: `${url(p)}/api/health`,
  timeout: 240_000,
  reuseExistingServer: false,
  // Lets scripts/e2e/serve.ts drop its database before it exits.
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
  stdout: "pipe" as const,
  stderr: "pipe" as const,
  env,
});

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Every test stands on its own (its own records, or ones no other test touches; files that
  // tell one story in steps say so with describe.serial), so tests spread over every worker.
  fullyParallel: true,
  workers: os.availableParallelism(),
  retries: 0,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".test-output/e2e.json" }]] : [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: both ? "postgres" : "embedded", use: { ...devices["Desktop Chrome"], baseURL: url(port) } },
    ...(both ? [{ name: "embedded", grep: /@embedded/, use: { ...devices["Desktop Chrome"], baseURL: url(embeddedPort) } }] : []),
  ],
  webServer: [server(port), ...(both ? [server(embeddedPort, { DATABASE_URL: "" })] : [])],
});
