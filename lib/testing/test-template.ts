// Vitest's global setup: migrates one database for the whole run, which every test file then
// copies (PostgreSQL: CREATE DATABASE … TEMPLATE; PGlite: a snapshot of the data dir loaded in
// memory). A file gets a fresh database in milliseconds instead of migrating its own.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { TEMPLATE_DATABASE_ENV, TEMPLATE_SNAPSHOT_ENV } from "./test-database";

export default async function setup() {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `notify_tpl_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = openDatabase({ url: url.toString() }, { maxConnections: 1 });
    await runMigrations(handle);
    // A template may be copied only while nobody is connected to it.
    await handle.close();
    process.env[TEMPLATE_DATABASE_ENV] = name;
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const handle = openDatabase({ memory: true });
  await runMigrations(handle);
  if (handle.engine !== "pglite") throw new Error("an in-memory database is PGlite");
  const snapshot = await handle.pglite.dumpDataDir("none");
  await handle.close();
  mkdirSync(tmpdir(), { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), "notify-template-"));
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
  process.env[TEMPLATE_SNAPSHOT_ENV] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
