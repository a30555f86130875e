import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { staffContextFor } from "@/lib/testing/factories";
import { bookAppointment, deliveriesOf, pipelineFixture, publish, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { listTemplates, previewTemplate, resetTemplate, saveTemplate, templateInputSchema } from "./template-editor";

let f: PipelineFixture;
let admin: Awaited<ReturnType<typeof staffContextFor>>;
beforeAll(async () => {
  f = await pipelineFixture();
  admin = await staffContextFor(f.db, f.clinic, "admin");
});
afterAll(() => f.close());

const key = { eventType: "appointment.cancelled", channel: "sms", language: "fr" } as const;

describe("the templates editor", () => {
  it("refuses unknown variables and texts that do not compile, naming the field", async () => {
    const ctx = { ...admin, clinic: f.clinic };
    await expect(
      saveTemplate(ctx, templateInputSchema.parse({ ...key, body: "Bonjour {{patient.age}}" }), new Date()),
    ).rejects.toMatchObject({ status: 400, fields: { body: ["uses the unknown variable {{patient.age}}"] } });
    await expect(
      saveTemplate(ctx, templateInputSchema.parse({ ...key, body: "Bonjour {{patient.firstName" }), new Date()),
    ).rejects.toMatchObject({ status: 400, fields: { body: [expect.stringMatching(/^does not compile/)] } });
    await expect(
      previewTemplate(ctx, templateInputSchema.parse({ ...key, body: "{{#each x}}{{/each}}" }), new Date()),
    ).rejects.toMatchObject({ status: 400 });
    expect(templateInputSchema.safeParse({ ...key, body: "x", whatsappParameters: ["patient.salary"] }).success).toBe(false);
  });

  it("saves a text the next event uses, previews it on a real patient with the SMS's segments, and resets it, all audited", async () => {
    const ctx = { ...admin, clinic: f.clinic };
    const { appointment } = await bookAppointment(f, {}, { status: "cancelled", startsAt: new Date(Date.now() + 3 * 86400_000) });
    const body = "{{centre.name}} : RDV {{appointment.reference}} annulé. Rappelez-nous, {{patient.firstName}}.";
    const { preview, sample } = await previewTemplate(ctx, templateInputSchema.parse({ ...key, body }), new Date());
    expect(sample.patient).toBeTruthy();
    expect(preview.text).toContain(" annulé. Rappelez-nous, ");
    expect(preview.text).not.toContain("{{");
    expect(preview.sms).toEqual({ segments: 1, encoding: expect.stringMatching(/GSM|UCS/) });

    await saveTemplate(ctx, templateInputSchema.parse({ ...key, body }), new Date());
    expect(
      (await listTemplates(ctx, "appointment.cancelled")).templates.find((t) => t.channel === "sms" && t.language === "fr"),
    ).toMatchObject({ body, isDefault: false });
    const { id } = await publish(f, { type: "appointment.cancelled", data: { appointmentId: appointment.id } });
    expect((await deliveriesOf(f, id)).sms.body).toBe(`Cabinet Test : RDV ${appointment.bookingReference} annulé. Rappelez-nous, Anne.`);

    await resetTemplate(ctx, key, new Date());
    expect(
      (await listTemplates(ctx, "appointment.cancelled")).templates.find((t) => t.channel === "sms" && t.language === "fr")!.isDefault,
    ).toBe(true);
    const trail = await f.db.select().from(auditEvents).where(eq(auditEvents.clinicId, f.clinic.id));
    expect(trail.map((a) => a.action)).toEqual(["template.saved", "template.reset"]);
  });
});
