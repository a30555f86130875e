import "server-only";
import { and, eq } from "drizzle-orm";
import EmailReplyParser from "email-reply-parser";
import PostalMime from "postal-mime";
import type { Database } from "@/db/client";
import { deliveries, messages, type MessageMetadata } from "@/db/schema";
import { storeFile } from "@/lib/attachments/store-file";
import { logError } from "@/lib/errors/log-error";
import { fileStore } from "@/lib/storage/file-store";
import { receivePatientMessage } from "./receive-patient-message";

// SES assigns the Message-ID of what we send: <{SES message id}@{region}.amazonses.com>.
const SES_MESSAGE_ID = /^<?([^@>]+)@[a-z0-9-]+\.amazonses\.com>?$/i;

// A patient's email reply (SES inbound, raw MIME) lands in their conversation: matched by
// the message it answers (In-Reply-To one of our emails), else by the sender's address. Only
// the new text is kept, not the quoted history; attached files are kept if they pass the
// same checks as staff uploads, and the refused ones are named on the message.
// senderCheck: SES's SPF, DKIM and DMARC verdicts. A FAIL means the From may be forged: the
// email is never filed in a patient's thread (where it would read as the patient's), it goes
// to triage with the verdicts shown.
export async function receiveEmail(
  db: Database,
  clinicId: string,
  raw: string | Uint8Array,
  sesMessageId: string,
  at: Date,
  senderCheck: MessageMetadata["senderCheck"] = {},
) {
  const email = await PostalMime.parse(raw);
  const from = email.from && "address" in email.from ? email.from.address?.toLowerCase() : undefined;
  if (!from) return { outcome: "no_sender" as const };
  // A NUL (quoted-printable =00) cannot be stored as text; the message is kept, the NUL shown as �.
  const text = (email.text ?? "").replace(/\r\n/g, "\n").replaceAll("\u0000", "\uFFFD");
  const body = new EmailReplyParser().parseReply(text).trim() || text.trim();

  const forged = Object.values(senderCheck ?? {}).some((status) => status === "FAIL");
  const refused: { fileName: string; reason: string }[] = [];
  // Bytes written before their rows: if the transaction does not commit, they are removed.
  const written: string[] = [];
  // The files are kept with the message, in its transaction: a message is never half-received.
  const withMessage = async (tx: Database, messageId: string) => {
    for (const file of email.attachments) {
      if (file.disposition === "inline" && file.related) continue; // logos and signatures in the HTML
      const bytes =
        typeof file.content === "string"
          ? new TextEncoder().encode(file.content)
          : file.content instanceof ArrayBuffer
            ? new Uint8Array(file.content)
            : file.content;
      const stored = await storeFile(tx, clinicId, { name: file.filename ?? "attachment", bytes }, { messageId });
      if (stored.ok) written.push(stored.row.storageKey);
      else refused.push({ fileName: file.filename ?? "attachment", reason: stored.verdict.detail });
    }
    if (refused.length || forged) {
      const metadata: MessageMetadata = { ...(refused.length ? { refusedAttachments: refused } : {}), ...(forged ? { senderCheck } : {}) };
      await tx.update(messages).set({ metadata }).where(eq(messages.id, messageId));
    }
  };
  const result = await receivePatientMessage(db, {
    clinicId,
    channel: "email",
    from,
    patientId: forged ? undefined : ((await patientOfRepliedEmail(db, clinicId, email.inReplyTo)) ?? undefined),
    triage: forged,
    subject: email.subject,
    body,
    externalId: sesMessageId,
    at,
    emailMessageId: email.messageId,
    inReplyTo: email.inReplyTo,
    withMessage,
  }).catch(async (error: unknown) => {
    // Rolled back: no row points at these files, so they would never be read nor swept.
    await Promise.all(
      written.map((key) =>
        fileStore()
          .delete(key)
          .catch((e) => logError("email attachment not removed after rollback", e)),
      ),
    );
    throw error;
  });
  if (result.duplicate) return { outcome: "duplicate" as const, ...result };
  return { outcome: "received" as const, ...result, refused };
}

async function patientOfRepliedEmail(db: Database, clinicId: string, inReplyTo: string | undefined): Promise<string | null> {
  const sesId = inReplyTo?.trim().match(SES_MESSAGE_ID)?.[1];
  if (!sesId) return null;
  const [delivery] = await db
    .select({ recipientId: deliveries.recipientId })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.clinicId, clinicId),
        eq(deliveries.channel, "email"),
        eq(deliveries.providerMessageId, sesId),
        eq(deliveries.audience, "patient"),
      ),
    )
    .limit(1);
  return delivery?.recipientId ?? null;
}
