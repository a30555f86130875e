import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { DatabaseTarget } from "@/db/client";

// A database that several processes of a test open: a PostgreSQL database of its own, or a
// PGlite folder (one process at a time). env: what a child process needs to open it.
export type SharedTarget = { target: DatabaseTarget; env: Record<string, string>; cleanup: () => Promise<void> };

export async function sharedTarget(): Promise<SharedTarget> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `notify_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      target: { url: url.toString() },
      env: { DATABASE_URL: url.toString() },
      cleanup: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "notify-shared-"));
  return {
    target: { pgliteDir: dir },
    env: { PGLITE_DIR: dir, DATABASE_URL: "" },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

// Waits for a condition the test cannot be told about (a child process's progress).
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
