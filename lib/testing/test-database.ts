import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";

// Set by the suite's global setup (./test-template.ts): the migrated database every test file
// copies, so migrations run once per run and not once per file.
export const TEMPLATE_DATABASE_ENV = "TEST_TEMPLATE_DATABASE";
export const TEMPLATE_SNAPSHOT_ENV = "TEST_TEMPLATE_SNAPSHOT";

const freshName = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}`;

// A fresh, migrated database for one test file: a new PostgreSQL database when DATABASE_URL
// is set (a copy of the run's template, dropped afterwards), else an in-memory PGlite (loaded
// from the run's snapshot). Without the global setup (a benchmark, a script), it migrates.
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const snapshotFile = process.env[TEMPLATE_SNAPSHOT_ENV];
    if (snapshotFile) return openDatabase({ memory: true, snapshot: new Blob([readFileSync(snapshotFile)]) });
    const handle = openDatabase({ memory: true });
    await runMigrations(handle);
    return handle;
  }
  const template = process.env[TEMPLATE_DATABASE_ENV];
  const name = freshName("notify_test");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString() }, { maxConnections: 5 });
  if (!template) await runMigrations(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
