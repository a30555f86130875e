import "server-only";
import { createSign, createVerify, X509Certificate } from "node:crypto";
import { z } from "zod";

// Amazon SNS message signatures (how SES bounces, complaints and deliveries arrive). The
// certificate must come from an SNS host; it is fetched once and cached.
export const snsMessageSchema = z.object({
  Type: z.enum(["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]),
  MessageId: z.string().min(1),
  TopicArn: z.string().min(1),
  Subject: z.string().optional(),
  Message: z.string(),
  Timestamp: z.iso.datetime({ offset: true }),
  SignatureVersion: z.enum(["1", "2"]),
  Signature: z.string().min(1),
  SigningCertURL: z.url(),
  SubscribeURL: z.url().optional(),
  Token: z.string().optional(),
});
export type SnsMessage = z.infer<typeof snsMessageSchema>;

// SNS's own hosts only: sns.<region>.amazonaws.com (a region, not any subdomain such as
// sns.s3.amazonaws.com), over HTTPS, a .pem path.
export const SNS_CERT_URL_PATTERN = /^https:\/\/sns\.[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+\.amazonaws\.com(\.cn)?\/[^?#]+\.pem$/;
// Messages older than this are refused as replays; clocks may differ by the skew.
export const SNS_MAX_AGE_MS = 60 * 60 * 1000;
export const SNS_MAX_SKEW_MS = 5 * 60 * 1000;

function stringToSign(m: SnsMessage): string {
  const fields =
    m.Type === "Notification"
      ? (["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"] as const)
      : (["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"] as const);
  return fields
    .filter((f) => m[f] !== undefined)
    .map((f) => `${f}\n${m[f]}\n`)
    .join("");
}

const certificates = new Map<string, Promise<X509Certificate>>();

async function certificate(url: string): Promise<X509Certificate> {
  let cert = certificates.get(url);
  if (!cert) {
    cert = fetch(url, { signal: AbortSignal.timeout(5000) }).then(async (r) => {
      if (!r.ok) throw new Error(`certificate ${url}: HTTP ${r.status}`);
      return new X509Certificate(await r.text());
    });
    certificates.set(url, cert);
    cert.catch(() => certificates.delete(url));
  }
  return cert;
}

export type SnsVerification = { ok: true; message: SnsMessage } | { ok: false; reason: string };

export async function verifySnsMessage(body: unknown, now: Date, certUrlPattern: RegExp = SNS_CERT_URL_PATTERN): Promise<SnsVerification> {
  const parsed = snsMessageSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: "not an SNS message" };
  const message = parsed.data;
  if (!certUrlPattern.test(message.SigningCertURL)) return { ok: false, reason: "certificate is not from SNS" };
  const age = now.getTime() - Date.parse(message.Timestamp);
  if (age > SNS_MAX_AGE_MS) return { ok: false, reason: "message too old (replay)" };
  if (age < -SNS_MAX_SKEW_MS) return { ok: false, reason: "message from the future" };
  try {
    const cert = await certificate(message.SigningCertURL);
    const verifier = createVerify(message.SignatureVersion === "1" ? "RSA-SHA1" : "RSA-SHA256");
    verifier.update(stringToSign(message), "utf8");
    return verifier.verify(cert.publicKey, message.Signature, "base64") ? { ok: true, message } : { ok: false, reason: "bad signature" };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : "certificate unavailable" };
  }
}

// For tests and local tools: sign a message as SNS would, with a given key.
export function signSnsMessage(message: Omit<SnsMessage, "Signature">, privateKeyPem: string): SnsMessage {
  const unsigned = { ...message, Signature: "" } as SnsMessage;
  const signer = message.SignatureVersion === "1" ? "RSA-SHA1" : "RSA-SHA256";
  const signature = createSign(signer).update(stringToSign(unsigned), "utf8").sign(privateKeyPem, "base64");
  return { ...unsigned, Signature: signature };
}
