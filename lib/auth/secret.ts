import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";

// NEXTAUTH_SECRET wins. Without it (the embedded default), a random secret is created once
// under .data/ by `npm run dev`/`npm start`, so sessions survive restarts without setup.
export function ensureAuthSecretFile(): void {
  const file = env().AUTH_SECRET_FILE;
  if (env().NEXTAUTH_SECRET || existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
}

export function authSecret(): string {
  const { NEXTAUTH_SECRET, AUTH_SECRET_FILE } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  if (existsSync(AUTH_SECRET_FILE)) return readFileSync(AUTH_SECRET_FILE, "utf8").trim();
  throw new Error(`Set NEXTAUTH_SECRET, or run "npm run db:migrate" once to create ${AUTH_SECRET_FILE}.`);
}
