import { createHmac, timingSafeEqual } from "node:crypto";

// Constant-time comparison of two signatures (different lengths are simply unequal).
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// Meta / 360dialog: X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>.
export function hubSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

export function verifyHubSignature(secret: string, rawBody: string, header: string | null): boolean {
  return header !== null && safeEqual(hubSignature(secret, rawBody), header);
}

// Twilio: X-Twilio-Signature = base64(HMAC-SHA1(auth token, URL + every POST parameter
// name and value, sorted by name)).
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const keys = [...new Set(params.keys())].sort();
  const data = keys.reduce(
    (acc, key) =>
      acc +
      params
        .getAll(key)
        .map((v) => key + v)
        .join(""),
    url,
  );
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

export function verifyTwilioSignature(authToken: string, url: string, params: URLSearchParams, header: string | null): boolean {
  return header !== null && safeEqual(twilioSignature(authToken, url, params), header);
}
