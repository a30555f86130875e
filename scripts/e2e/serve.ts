// The server Playwright tests: `next start` of the production build on a database made for
// this run alone (a new PostgreSQL database, or a PGlite dir in /tmp), dropped on exit.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { e2eSecretsFile, e2eSessionsDir, E2E_QSTASH_KEYS } from "../../e2e/keys";

const { values } = parseArgs({ options: { port: { type: "string", default: "3100" } } });
const port = values.port!;
const serverUrl = process.env.DATABASE_URL;
const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv) => {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
};

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  APP_URL: `http://localhost:${port}`,
  // The provider sinks of this server, clear of a dev server's (4010).
  LOCAL_SINKS: "on",
  // A production server, asked for the demo clinics.
  DEMO_SEED: "1",
  LOCAL_SINK_PORT: String(Number(port) + 1000),
  // Signing keys so the job route's verification can be tested; QStash itself stays off.
  QSTASH_CURRENT_SIGNING_KEY: E2E_QSTASH_KEYS.current,
  QSTASH_NEXT_SIGNING_KEY: E2E_QSTASH_KEYS.next,
  DELIVERY_RETRY_BASE_MS: "50",
};

let cleanup: () => Promise<void>;
if (serverUrl) {
  const name = `notify_e2e_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "notify-e2e-"));
  env.PGLITE_DIR = path.join(dir, "pglite");
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

rmSync(e2eSessionsDir(port), { recursive: true, force: true });
if (!existsSync(".next/BUILD_ID")) run("npx", ["next", "build"], env);
run("npx", ["tsx", "--import", "./scripts/node/server-side.mjs", "scripts/db/prepare.ts", "--start"], env);
// The demo clinics' own webhook secrets, for the tests that sign as a provider (before the
// server starts: an embedded database takes one process at a time).
run("npx", ["tsx", "--import", "./scripts/node/server-side.mjs", "scripts/e2e/write-secrets.ts", e2eSecretsFile(port)], env);

// Node itself, not npx: SIGTERM must reach the server, or it outlives the test run.
const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", port], {
  stdio: "inherit",
  env,
});
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await cleanup().catch((e) => console.error("e2e cleanup failed", e));
  rmSync(e2eSecretsFile(port), { force: true });
  rmSync(e2eSessionsDir(port), { recursive: true, force: true });
  process.exit(code);
}
process.on("SIGTERM", () => stop());
process.on("SIGINT", () => stop());
server.on("exit", (code) => stop(code ?? 0));
