import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";

// Secrets at rest (the clinics' provider credentials): AES-256-GCM through Node's crypto, a
// fresh 12-byte nonce per value, the tag checked on the way out. Stored as
// "enc:v1:<nonce>:<tag>:<ciphertext>" (base64url), so a sealed value is told from plain text.
const PREFIX = "enc:v1:";

let cached: Buffer | undefined;
function key(): Buffer {
  if (cached) return cached;
  const { CHANNEL_SECRETS_KEY, CHANNEL_SECRETS_KEY_FILE: file } = env();
  if (CHANNEL_SECRETS_KEY) return (cached = Buffer.from(CHANNEL_SECRETS_KEY, "base64"));
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    // "wx": two processes starting at once cannot each write a different key.
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (cached = Buffer.from(readFileSync(file, "utf8").trim(), "base64"));
}

export const isSealed = (value: unknown): value is string => typeof value === "string" && value.startsWith(PREFIX);

export function seal(plain: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), nonce);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${PREFIX}${[nonce, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(":")}`;
}

// A value sealed with another key, or altered, throws: never a silently wrong secret.
export function unseal(sealed: string): string {
  const [nonce, tag, data] = sealed
    .slice(PREFIX.length)
    .split(":")
    .map((p) => Buffer.from(p, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key(), nonce);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}

// What the browser may see of a secret: its last four characters.
export const lastFour = (plain: string) => (plain.length > 4 ? `••••${plain.slice(-4)}` : "••••");
