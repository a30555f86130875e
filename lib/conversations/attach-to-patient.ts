import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditEvents, conversations, messages, patients } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors/app-errors";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { announceConversationChange } from "@/lib/realtime/hub-changes";

// Triage: a conversation from an unknown number or address is attached to the patient staff
// recognised. If the patient already has a conversation, the messages move into it (one
// timeline per patient) and the triage conversation goes away. The patient's contact data
// is left as it is: a new number is confirmed with the patient, not inferred.
export async function attachToPatient(ctx: Pick<StaffContext, "db" | "clinicId" | "staff">, conversationId: string, patientId: string) {
  const [triage] = await ctx.db
    .select()
    .from(conversations)
    .where(inClinic(ctx, conversations, eq(conversations.id, conversationId)));
  if (!triage) throw new NotFoundError("Conversation");
  if (triage.patientId) throw new ConflictError("already_attached", "This conversation already belongs to a patient.");
  const [patient] = await ctx.db
    .select({ id: patients.id })
    .from(patients)
    .where(inClinic(ctx, patients, eq(patients.id, patientId)));
  if (!patient) throw new NotFoundError("Patient");

  return ctx.db.transaction(async (tx: Database) => {
    const [existing] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.clinicId, ctx.clinicId), eq(conversations.patientId, patientId)))
      .for("update");
    let targetId: string;
    if (!existing) {
      const [moved] = await tx
        .update(conversations)
        .set({ patientId, contactAddress: null })
        .where(and(eq(conversations.id, triage.id), isNull(conversations.patientId)))
        .returning({ id: conversations.id });
      if (!moved) throw new ConflictError("already_attached", "This conversation already belongs to a patient.");
      targetId = moved.id;
    } else {
      targetId = existing.id;
      await tx.update(messages).set({ conversationId: existing.id }).where(eq(messages.conversationId, triage.id));
      const newer = triage.lastMessageAt > existing.lastMessageAt;
      await tx
        .update(conversations)
        .set({
          status: triage.status === "unread" ? "unread" : existing.status === "archived" ? "read" : existing.status,
          archivedAt: null,
          unreadCount: existing.unreadCount + triage.unreadCount,
          lastMessageAt: newer ? triage.lastMessageAt : existing.lastMessageAt,
          lastMessagePreview: newer ? triage.lastMessagePreview : existing.lastMessagePreview,
          // The row is locked above, so the union computed here cannot miss a concurrent change.
          channels: [...new Set([...existing.channels, ...triage.channels])],
          directions: [...new Set([...existing.directions, ...triage.directions])],
        })
        .where(eq(conversations.id, existing.id));
      await tx.delete(conversations).where(eq(conversations.id, triage.id));
      await announceConversationChange(tx, { clinicId: ctx.clinicId, conversationId: triage.id });
    }
    await tx.insert(auditEvents).values({
      clinicId: ctx.clinicId,
      staffUserId: ctx.staff.id,
      action: "conversation.attached",
      patientId,
      conversationId: targetId,
      detail: { from: triage.contactAddress, triageConversationId: triage.id },
    });
    await announceConversationChange(tx, { clinicId: ctx.clinicId, conversationId: targetId });
    return { conversationId: targetId, merged: Boolean(existing) };
  });
}
