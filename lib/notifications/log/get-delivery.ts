import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { deliveries, deliveryAttempts, deliveryReceipts, events, messageTemplates, patients, staffUsers, type Delivery } from "@/db/schema";
import { NotFoundError } from "@/lib/errors/app-errors";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "permissions">;

// What support sees of a message: the text itself only with the right to read patients'
// conversations (the inbox's permission); otherwise the template it was made from, with the
// names of its variables and none of their values.
export type DeliveryContent =
  | { visible: true; subject: string | null; body: string | null }
  | { visible: false; template: { subject: string | null; body: string; variables: string[] } | null };

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

async function contentFor(ctx: Ctx, delivery: Delivery): Promise<DeliveryContent> {
  if (ctx.permissions.has("send_messages")) return { visible: true, subject: delivery.subject, body: delivery.body };
  const [template] = await ctx.db
    .select({ subject: messageTemplates.subject, body: messageTemplates.body })
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.clinicId, ctx.clinicId),
        eq(messageTemplates.eventType, delivery.eventType),
        eq(messageTemplates.channel, delivery.channel),
        eq(messageTemplates.language, delivery.language === "fr" ? "fr" : "en"),
      ),
    );
  if (!template) return { visible: false, template: null };
  const variables = [...new Set([...`${template.subject ?? ""} ${template.body}`.matchAll(VARIABLE)].map((m) => m[1]))];
  return { visible: false, template: { ...template, variables } };
}

// One delivery with everything support needs: the decision and its reason in words, each
// provider attempt, each receipt, and the event it came from.
export async function getDelivery(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ delivery: deliveries, event: events })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .where(inClinic(ctx, deliveries, eq(deliveries.id, id)));
  if (!row) throw new NotFoundError("Delivery");
  const { delivery, event } = row;
  const [attempts, receipts, recipient, content] = await Promise.all([
    ctx.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, id)).orderBy(asc(deliveryAttempts.attempt)),
    ctx.db.select().from(deliveryReceipts).where(eq(deliveryReceipts.deliveryId, id)).orderBy(asc(deliveryReceipts.occurredAt)),
    delivery.audience === "patient"
      ? ctx.db.select({ name: patients.firstName, last: patients.lastName }).from(patients).where(eq(patients.id, delivery.recipientId))
      : ctx.db.select({ name: staffUsers.name, last: staffUsers.role }).from(staffUsers).where(eq(staffUsers.id, delivery.recipientId)),
    contentFor(ctx, delivery),
  ]);
  const { subject: _subject, body: _body, ...withoutContent } = delivery;
  return {
    delivery: content.visible ? delivery : withoutContent,
    content,
    event: {
      id: event.id,
      type: event.type,
      key: event.eventKey,
      source: event.source,
      receivedAt: event.receivedAt,
      decisions: event.decisions,
    },
    attempts,
    receipts: receipts.map(({ raw, ...r }) => r),
    recipientName: recipient[0] ? `${recipient[0].name} ${delivery.audience === "patient" ? recipient[0].last : ""}`.trim() : "",
  };
}
