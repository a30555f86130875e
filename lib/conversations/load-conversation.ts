import "server-only";
import { eq } from "drizzle-orm";
import { conversations, patients } from "@/db/schema";
import { NotFoundError } from "@/lib/errors/app-errors";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";

// A conversation of the staff member's clinic with its patient's name and contact data
// (none for an unknown sender); another clinic's conversation does not exist.
export async function loadConversation(ctx: Pick<StaffContext, "db" | "clinicId">, conversationId: string) {
  const [row] = await ctx.db
    .select({
      conversation: conversations,
      firstName: patients.firstName,
      lastName: patients.lastName,
      phone: patients.phone,
      email: patients.email,
    })
    .from(conversations)
    .leftJoin(patients, eq(patients.id, conversations.patientId))
    .where(inClinic(ctx, conversations, eq(conversations.id, conversationId)));
  if (!row) throw new NotFoundError("Conversation");
  return { ...row, patientName: row.firstName ? `${row.firstName} ${row.lastName}` : null };
}
