import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { appointments, conversations, deliveries, messages, patients, patientUserProfiles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors/app-errors";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;

// Contact fields the kept record takes from the duplicate when it has none of its own.
const FILLED = ["phone", "landline", "email", "postalAddress", "dateOfBirth", "externalId", "telegramChatId", "preferredChannel"] as const;

// Two records of one person become one, in one transaction: the duplicate's appointments,
// conversation (its messages join the kept one's), household links and deliveries move to the
// kept record, which also takes the contact details it lacked. The duplicate stays, inactive
// and pointing at the kept record, so the audit trail and any row left behind still resolve.
// Consent needs no move: it belongs to addresses, and follows the numbers and emails kept.
export async function mergePatients(ctx: Ctx, keptId: string, duplicateId: string, now: Date) {
  if (keptId === duplicateId)
    throw new InvalidInputError("A record cannot be merged into itself.", { duplicateId: ["is the record being kept"] });
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(patients)
      .where(inClinic(ctx, patients, inArray(patients.id, [keptId, duplicateId])))
      .for("update");
    const kept = rows.find((p) => p.id === keptId);
    const duplicate = rows.find((p) => p.id === duplicateId);
    if (!kept || !duplicate) throw new NotFoundError("Patient");
    if (kept.mergedIntoId || duplicate.mergedIntoId)
      throw new ConflictError("already_merged", "One of these records was already merged into another.");

    const filled = Object.fromEntries(
      FILLED.flatMap((field) => (kept[field] == null && duplicate[field] != null ? [[field, duplicate[field]]] : [])),
    );
    // The patient number is unique in the clinic: the duplicate gives it up before the kept record takes it.
    await tx
      .update(patients)
      .set({ active: false, mergedIntoId: keptId, externalId: null, updatedAt: now })
      .where(eq(patients.id, duplicateId));
    if (Object.keys(filled).length)
      await tx
        .update(patients)
        .set({ ...filled, updatedAt: now })
        .where(eq(patients.id, keptId));

    const moved = { appointments: 0, messages: 0, conversations: 0, householdLinks: 0, deliveries: 0 };
    moved.appointments = (
      await tx
        .update(appointments)
        .set({ patientId: keptId })
        .where(inClinic(ctx, appointments, eq(appointments.patientId, duplicateId)))
        .returning({ id: appointments.id })
    ).length;

    // One conversation per patient: the duplicate's messages join the kept one's, or its
    // conversation simply changes hands when the kept record has none.
    const [theirs] = await tx
      .select()
      .from(conversations)
      .where(inClinic(ctx, conversations, eq(conversations.patientId, duplicateId)));
    if (theirs) {
      const [ours] = await tx
        .select()
        .from(conversations)
        .where(inClinic(ctx, conversations, eq(conversations.patientId, keptId)));
      if (!ours) {
        await tx.update(conversations).set({ patientId: keptId }).where(eq(conversations.id, theirs.id));
        moved.conversations = 1;
      } else {
        moved.messages = (
          await tx
            .update(messages)
            .set({ conversationId: ours.id })
            .where(inClinic(ctx, messages, eq(messages.conversationId, theirs.id)))
            .returning({ id: messages.id })
        ).length;
        await tx
          .update(conversations)
          .set({
            unreadCount: ours.unreadCount + theirs.unreadCount,
            status: ours.unreadCount + theirs.unreadCount > 0 ? "unread" : ours.status,
            starred: ours.starred || theirs.starred,
            lastMessageAt: theirs.lastMessageAt > ours.lastMessageAt ? theirs.lastMessageAt : ours.lastMessageAt,
            lastMessagePreview: theirs.lastMessageAt > ours.lastMessageAt ? theirs.lastMessagePreview : ours.lastMessagePreview,
            channels: [...new Set([...ours.channels, ...theirs.channels])],
            directions: [...new Set([...ours.directions, ...theirs.directions])],
          })
          .where(eq(conversations.id, ours.id));
        await tx.delete(conversations).where(eq(conversations.id, theirs.id));
        moved.conversations = 1;
      }
    }

    // Household links: the accounts that managed the duplicate now manage the kept record.
    const links = await tx
      .select()
      .from(patientUserProfiles)
      .where(inClinic(ctx, patientUserProfiles, eq(patientUserProfiles.patientId, duplicateId)));
    if (links.length) {
      await tx
        .insert(patientUserProfiles)
        .values(links.map((l) => ({ ...l, patientId: keptId })))
        .onConflictDoNothing();
      await tx.delete(patientUserProfiles).where(inClinic(ctx, patientUserProfiles, eq(patientUserProfiles.patientId, duplicateId)));
      moved.householdLinks = links.length;
    }

    // The delivery log follows the person; a delivery the kept record already has for the same
    // event, channel and address stays on the duplicate (the log never holds it twice).
    moved.deliveries = (
      await tx
        .update(deliveries)
        .set({ recipientId: keptId })
        .where(
          and(
            eq(deliveries.clinicId, ctx.clinicId),
            eq(deliveries.audience, "patient"),
            eq(deliveries.recipientId, duplicateId),
            sql`not exists (select 1 from ${deliveries} d2 where d2.event_id = ${deliveries.eventId} and d2.recipient_id = ${keptId} and d2.channel = ${deliveries.channel} and d2.address = ${deliveries.address})`,
          ),
        )
        .returning({ id: deliveries.id })
    ).length;

    const detail = { keptId, duplicateId, filled: Object.keys(filled), moved };
    await recordAudit(tx, ctx, { action: "patient.merged", patientId: keptId, detail }, now);
    await recordAudit(tx, ctx, { action: "patient.merged_away", patientId: duplicateId, detail }, now);
    return detail;
  });
}
