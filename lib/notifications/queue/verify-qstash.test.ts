import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { UnauthenticatedError } from "@/lib/errors/app-errors";
import { verifyQstashRequest } from "./verify-qstash";

const CURRENT = "sig_current_key_for_tests_0001";
const NEXT = "sig_next_key_for_tests_0002";
const URL = "https://clinic.example.com/api/jobs/events";

beforeAll(() => {
  process.env.QSTASH_CURRENT_SIGNING_KEY = CURRENT;
  process.env.QSTASH_NEXT_SIGNING_KEY = NEXT;
});

// A signature as QStash makes it: HS256 JWT over the raw key, sub = URL, body = base64url(sha256).
async function sign(body: string, { key = CURRENT, url = URL, expiresIn = 300 as number | null } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ body: createHash("sha256").update(body).digest("base64url") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("Upstash")
    .setSubject(url)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setJti(crypto.randomUUID());
  if (expiresIn !== null) jwt.setExpirationTime(now + expiresIn);
  return jwt.sign(new TextEncoder().encode(key));
}

describe("QStash job signatures", () => {
  const body = JSON.stringify({ eventId: "5f1a3c1e-6b59-4c2e-9d6c-0a6f6b1f7d21" });

  it("accepts the current key and, during rotation, the next key", async () => {
    await expect(verifyQstashRequest(await sign(body), body, URL)).resolves.toBeUndefined();
    await expect(verifyQstashRequest(await sign(body, { key: NEXT }), body, URL)).resolves.toBeUndefined();
  });

  it("refuses a missing signature, a tampered body, another URL, another key, and an expired token", async () => {
    const refused = (p: Promise<void>) => expect(p).rejects.toBeInstanceOf(UnauthenticatedError);
    await refused(verifyQstashRequest(null, body, URL));
    await refused(verifyQstashRequest(await sign(body), body.replace("5f1a", "6f1a"), URL));
    await refused(verifyQstashRequest(await sign(body, { url: "https://evil.example.com/api/jobs/events" }), body, URL));
    await refused(verifyQstashRequest(await sign(body, { key: "some_other_key" }), body, URL));
    await refused(verifyQstashRequest(await sign(body, { expiresIn: -60 }), body, URL));
  });

  it("refuses a correctly signed token without an expiry (it could be replayed forever)", async () => {
    await expect(verifyQstashRequest(await sign(body, { expiresIn: null }), body, URL)).rejects.toThrow("no expiry");
  });
});
