import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makePatient, makeStaff } from "@/lib/testing/factories";
import { eq } from "drizzle-orm";
import { attachments, consentRecords } from "@/db/schema";
import { loadStaffContext } from "@/lib/auth/staff-context";
import { getThread } from "@/lib/conversations/get-thread";
import { receivePatientMessage } from "@/lib/conversations/receive-patient-message";
import { threadPageSchema } from "@/lib/conversations/schemas";
import { postMessage } from "@/lib/conversations/send-message";
import { processEvent } from "@/lib/notifications/events/process-event";
import { recordInbound } from "@/lib/notifications/inbound/record-inbound";
import { pipelineFixture, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { fileStore } from "@/lib/storage/file-store";
import { checkFile } from "./rules";
import { downloadAttachment } from "./download-attachment";
import { sweepUnsentUploads, UNSENT_TTL_MS } from "./sweep-unsent";
import { displayName, UNSENT_QUOTA, uploadAttachment } from "./upload-attachment";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const EXE = (() => {
  const b = Buffer.alloc(512);
  b.write("MZ");
  return b;
})();

describe("which files a message may carry (pure)", () => {
  it("takes the type from the sniffed content and checks the size", () => {
    expect(checkFile({ sizeBytes: 1000, sniffedType: "application/pdf" }, 10_000)).toEqual({ ok: true, contentType: "application/pdf" });
    expect(checkFile({ sizeBytes: 0, sniffedType: null }, 10_000)).toMatchObject({ ok: false, reason: "empty" });
    expect(checkFile({ sizeBytes: 20_000, sniffedType: "application/pdf" }, 10_000)).toMatchObject({ ok: false, reason: "too_large" });
    expect(checkFile({ sizeBytes: 1000, sniffedType: "application/x-msdownload" }, 10_000)).toMatchObject({
      ok: false,
      reason: "type_not_allowed",
      detail: expect.stringContaining("application/x-msdownload"),
    });
    expect(checkFile({ sizeBytes: 1000, sniffedType: null }, 10_000)).toMatchObject({ ok: false, reason: "type_not_allowed" });
  });

  it("names the file for what it is, without folders", () => {
    expect(displayName("ordonnance.pdf", "pdf")).toBe("ordonnance.pdf");
    expect(displayName("C:\\Users\\me\\scan.exe", "pdf")).toBe("scan.exe.pdf");
    expect(displayName("../../photo.JPEG", "jpg")).toBe("photo.JPEG");
    expect(displayName("", "png")).toBe("attachment.png");
    // Bidi overrides and other invisible characters are dropped: the name reads as it is.
    expect(displayName("facture\u202Efdp.exe", "pdf")).toBe("facturefdp.exe.pdf");
    expect(displayName("scan\u2066\u200B\u0007.pdf", "pdf")).toBe("scan.pdf");
  });
});

let f: PipelineFixture;
beforeAll(async () => {
  f = await pipelineFixture();
});
afterAll(() => f.close());
beforeEach(() => f.sink.store.clear());

const staff = async (role: "receptionist" | "doctor" = "receptionist") =>
  (await loadStaffContext(f.db, (await makeStaff(f.db, f.clinic.id, role)).id))!;
const patient = () =>
  makePatient(f.db, f.clinic.id, { phone: `+3362${Math.floor(1e6 + Math.random() * 8e6)}`, email: "patient@example.com" });

describe("uploading an attachment", () => {
  it("stores a PDF and an image under their sniffed types, whatever their names say", async () => {
    const ctx = await staff();
    const pdf = await uploadAttachment(ctx, { name: "lettre.pdf", bytes: PDF });
    const png = await uploadAttachment(ctx, { name: "photo", bytes: PNG });
    expect(pdf).toMatchObject({
      contentType: "application/pdf",
      fileName: "lettre.pdf",
      sizeBytes: PDF.byteLength,
      messageId: null,
      uploadedByStaffId: ctx.staff.id,
    });
    expect(png).toMatchObject({ contentType: "image/png", fileName: "photo.png" });
    expect(await fileStore().get(pdf.storageKey)).toEqual(Buffer.from(PDF));
  });

  it("refuses a program named like a PDF, text pretending to be one, and a file too large", async () => {
    const ctx = await staff();
    await expect(uploadAttachment(ctx, { name: "invoice.pdf", bytes: EXE })).rejects.toMatchObject({
      status: 415,
      code: "type_not_allowed",
      fields: { file: [expect.stringContaining("application/x-msdownload")] },
    });
    await expect(uploadAttachment(ctx, { name: "notes.pdf", bytes: new TextEncoder().encode("just text") })).rejects.toMatchObject({
      status: 415,
    });
    await expect(uploadAttachment(ctx, { name: "big.pdf", bytes: PDF }, { maxBytes: 50 })).rejects.toMatchObject({
      status: 413,
      code: "too_large",
    });
    await expect(uploadAttachment(ctx, { name: "empty.pdf", bytes: new Uint8Array() })).rejects.toMatchObject({
      status: 400,
      code: "empty",
    });
  });
});

describe("unsent uploads", () => {
  it("are their uploader's alone until sent", async () => {
    const [uploader, colleague] = [await staff(), await staff()];
    const row = await uploadAttachment(uploader, { name: "brouillon.pdf", bytes: PDF });
    expect((await downloadAttachment(uploader, row.id)).status).toBe(200);
    await expect(downloadAttachment(colleague, row.id)).rejects.toMatchObject({ status: 404 });
  });

  it("count against a per-person quota", async () => {
    const ctx = await staff();
    for (let i = 0; i < UNSENT_QUOTA.files; i++) await uploadAttachment(ctx, { name: `scan-${i}.pdf`, bytes: PDF });
    await expect(uploadAttachment(ctx, { name: "one-more.pdf", bytes: PDF })).rejects.toMatchObject({ status: 429, code: "upload_quota" });
    // Someone else's quota is their own.
    await expect(uploadAttachment(await staff(), { name: "mine.pdf", bytes: PDF })).resolves.toMatchObject({ fileName: "mine.pdf" });
  });

  it("are swept after a day, bytes and all; sent files and fresh uploads stay", async () => {
    const ctx = await staff();
    const old = await uploadAttachment(ctx, { name: "oublié.pdf", bytes: PDF });
    const fresh = await uploadAttachment(ctx, { name: "en-cours.pdf", bytes: PDF });
    const dayLater = new Date(old.createdAt.getTime() + UNSENT_TTL_MS + 60_000);
    await f.db
      .update(attachments)
      .set({ createdAt: new Date(dayLater.getTime() - UNSENT_TTL_MS - 1000) })
      .where(eq(attachments.id, old.id));
    await f.db
      .update(attachments)
      .set({ createdAt: new Date(dayLater.getTime() - 1000) })
      .where(eq(attachments.id, fresh.id));
    expect(await sweepUnsentUploads(f.db, dayLater)).toBeGreaterThanOrEqual(1);
    expect(await f.db.select().from(attachments).where(eq(attachments.id, old.id))).toEqual([]);
    await expect(fileStore().get(old.storageKey)).rejects.toThrow();
    expect(await f.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.id, fresh.id))).toEqual([{ id: fresh.id }]);
  });
});

describe("sending attachments", () => {
  async function send(
    ctx: Awaited<ReturnType<typeof staff>>,
    target: Parameters<typeof postMessage>[1],
    input: Parameters<typeof postMessage>[2],
  ) {
    const result = await postMessage(ctx, target, input, new Date());
    if (result.event) await processEvent(f.deps, result.event.id);
    return result;
  }

  it("an email carries its PDF to the provider, and the timeline lists it", async () => {
    const ctx = await staff();
    const p = await patient();
    const file = await uploadAttachment(ctx, { name: "compte-rendu.pdf", bytes: PDF });
    const { conversationId } = await send(
      ctx,
      { patientId: p.id },
      { channel: "email", subject: "Votre compte rendu", body: "Veuillez trouver le document joint.", attachmentIds: [file.id] },
    );
    expect(f.sink.store.messages).toMatchObject([
      {
        channel: "email",
        to: "patient@example.com",
        attachments: [{ fileName: "compte-rendu.pdf", contentType: "application/pdf", sizeBytes: PDF.byteLength }],
      },
    ]);
    const thread = await getThread(ctx, conversationId, threadPageSchema.parse({}));
    expect(thread.messages[0].attachments).toEqual([
      { id: file.id, fileName: "compte-rendu.pdf", contentType: "application/pdf", sizeBytes: PDF.byteLength },
    ]);
  });

  it("a WhatsApp answer inside the window uploads the file as media and sends it with the text as caption", async () => {
    const ctx = await staff();
    const p = await patient();
    const { conversationId } = await receivePatientMessage(f.db, {
      clinicId: f.clinic.id,
      channel: "whatsapp",
      from: p.phone!,
      body: "La photo ?",
      externalId: `w-att-${p.id}`,
      at: new Date(),
    });
    await f.db
      .insert(consentRecords)
      .values({ clinicId: f.clinic.id, channel: "whatsapp", address: p.phone!, state: "opted_in", source: "test" });
    await recordInbound(f.db, f.clinic.id, "whatsapp", p.phone!, new Date());
    const file = await uploadAttachment(ctx, { name: "consignes.pdf", bytes: PDF });
    await send(ctx, { conversationId }, { channel: "whatsapp", body: "Voici les consignes.", attachmentIds: [file.id] });
    expect(f.sink.store.messages).toMatchObject([
      { channel: "whatsapp", text: "Voici les consignes.", attachments: [{ fileName: "consignes.pdf", contentType: "application/pdf" }] },
    ]);
  });

  it("SMS carries none, WhatsApp one; nothing is saved when refused", async () => {
    const ctx = await staff();
    const p = await patient();
    const a = await uploadAttachment(ctx, { name: "a.pdf", bytes: PDF });
    const b = await uploadAttachment(ctx, { name: "b.pdf", bytes: PDF });
    await expect(
      postMessage(ctx, { patientId: p.id }, { channel: "sms", body: "x", attachmentIds: [a.id] }, new Date()),
    ).rejects.toMatchObject({
      status: 400,
      fields: { attachmentIds: ["sms carries no attachments"] },
    });
    const { conversationId } = await receivePatientMessage(f.db, {
      clinicId: f.clinic.id,
      channel: "whatsapp",
      from: p.phone!,
      body: "?",
      externalId: `w-two-${p.id}`,
      at: new Date(),
    });
    await recordInbound(f.db, f.clinic.id, "whatsapp", p.phone!, new Date());
    await expect(
      postMessage(ctx, { conversationId }, { channel: "whatsapp", body: "x", attachmentIds: [a.id, b.id] }, new Date()),
    ).rejects.toMatchObject({ status: 400, fields: { attachmentIds: ["at most 1"] } });
    // Still unsent, so still usable.
    await expect(
      send(ctx, { conversationId }, { channel: "portal", body: "Les deux documents", attachmentIds: [a.id, b.id] }),
    ).resolves.toMatchObject({ conversationId });
  });

  it("a file is sent once, and only by the person who uploaded it", async () => {
    const alice = await staff();
    const bob = await staff();
    const p = await patient();
    const file = await uploadAttachment(alice, { name: "x.pdf", bytes: PDF });
    await expect(
      postMessage(bob, { patientId: p.id }, { channel: "portal", body: "x", attachmentIds: [file.id] }, new Date()),
    ).rejects.toMatchObject({ status: 400, fields: { attachmentIds: ["unknown or already sent"] } });
    await send(alice, { patientId: p.id }, { channel: "portal", body: "x", attachmentIds: [file.id] });
    await expect(
      postMessage(alice, { patientId: p.id }, { channel: "portal", body: "again", attachmentIds: [file.id] }, new Date()),
    ).rejects.toMatchObject({ status: 400 });
  });
});
