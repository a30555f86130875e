import "server-only";
import { Receiver } from "@upstash/qstash";
import { UnauthenticatedError } from "@/lib/errors/app-errors";
import { env } from "@/lib/config/env";

// QStash signs each call with a JWT over the URL and the SHA-256 of the raw body; the
// current key is tried, then the next one (key rotation). Without keys nothing is accepted:
// verification is never skipped because of an environment default.
export async function verifyQstashRequest(signature: string | null, rawBody: string, url: string): Promise<void> {
  const { QSTASH_CURRENT_SIGNING_KEY, QSTASH_NEXT_SIGNING_KEY } = env();
  if (!signature) throw new UnauthenticatedError("Missing Upstash-Signature.");
  if (!QSTASH_CURRENT_SIGNING_KEY || !QSTASH_NEXT_SIGNING_KEY) throw new UnauthenticatedError("QStash signing keys are not configured.");
  // A token that never expires could be replayed forever; the Receiver accepts one, we do not.
  if (!expiresAt(signature)) throw new UnauthenticatedError("Upstash-Signature has no expiry.");
  const receiver = new Receiver({ currentSigningKey: QSTASH_CURRENT_SIGNING_KEY, nextSigningKey: QSTASH_NEXT_SIGNING_KEY, devMode: false });
  const valid = await receiver.verify({ signature, body: rawBody, url, clockTolerance: 5 }).catch(() => false);
  if (!valid) throw new UnauthenticatedError("Invalid Upstash-Signature.");
}

// The JWT's exp claim, read without trusting it (the Receiver checks the signature).
function expiresAt(jwt: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as { exp?: unknown };
    return typeof payload.exp === "number" && Number.isFinite(payload.exp) ? payload.exp : null;
  } catch {
    return null;
  }
}
