import "server-only";
import { eq } from "drizzle-orm";
import { conversations } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { composerFor } from "./composer-for";
import { mayStartConversation } from "./rules";

// What the patient page offers for messaging this patient: their conversation if there is
// one (everyone with send_messages continues it in the inbox), else whether this staff
// member may start one, and on which channels.
export async function patientMessaging(
  ctx: Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff" | "permissions">,
  patientId: string,
  now: Date,
) {
  const [existing] = await ctx.db
    .select({ id: conversations.id, lastMessageAt: conversations.lastMessageAt })
    .from(conversations)
    .where(inClinic(ctx, conversations, eq(conversations.patientId, patientId)));
  const verdict = mayStartConversation({ role: ctx.staff.role, permissions: ctx.permissions }, Boolean(existing));
  return {
    conversation: existing ?? null,
    mayStart: !existing && verdict.ok,
    refusal: verdict.ok ? null : verdict.reason,
    channels: existing || !verdict.ok ? [] : await composerFor(ctx, patientId, now),
  };
}
