import "server-only";
import { and, asc, eq, ilike, or } from "drizzle-orm";
import { patients, patientUserProfiles, patientUsers, relationshipEnum } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { NotFoundError } from "@/lib/errors/app-errors";
import { z } from "zod";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;

export const householdLinkSchema = z.strictObject({
  accountId: z.uuid("must be a portal account id"),
  relationship: z.enum(relationshipEnum.enumValues, "must be self, child, parent, spouse or other"),
});
export const householdMemberSchema = z.object({ id: z.uuid("must be a patient id"), accountId: z.uuid("must be a portal account id") });
export const accountSearchSchema = z.object({ q: z.string().trim().min(2, "must be at least 2 characters").max(100) });

async function assertPatient(ctx: Ctx, patientId: string) {
  const [patient] = await ctx.db
    .select({ id: patients.id })
    .from(patients)
    .where(inClinic(ctx, patients, eq(patients.id, patientId)));
  if (!patient) throw new NotFoundError("Patient");
}

// Portal accounts of the clinic by email or name, to link a guardian's account to a child.
export async function searchPortalAccounts(ctx: Ctx, q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return ctx.db
    .select({ id: patientUsers.id, name: patientUsers.name, email: patientUsers.email })
    .from(patientUsers)
    .where(inClinic(ctx, patientUsers, or(ilike(patientUsers.email, pattern), ilike(patientUsers.name, pattern))))
    .orderBy(asc(patientUsers.email))
    .limit(10);
}

// Staff link a profile to an account (a parent's, for a child): approved at once, as staff
// checked who the guardian is. Linking again changes the relationship.
export async function linkToAccount(ctx: Ctx, patientId: string, link: z.output<typeof householdLinkSchema>, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    await assertPatient(scoped, patientId);
    const [account] = await tx
      .select({ id: patientUsers.id })
      .from(patientUsers)
      .where(inClinic(ctx, patientUsers, eq(patientUsers.id, link.accountId)));
    if (!account) throw new NotFoundError("Portal account");
    await tx
      .insert(patientUserProfiles)
      .values({ clinicId: ctx.clinicId, patientUserId: link.accountId, patientId, relationship: link.relationship, approved: true })
      .onConflictDoUpdate({
        target: [patientUserProfiles.patientUserId, patientUserProfiles.patientId],
        set: { relationship: link.relationship, approved: true },
      });
    await recordAudit(
      tx,
      ctx,
      { action: "household.linked", patientId, detail: { accountId: link.accountId, relationship: link.relationship } },
      now,
    );
    return { linked: true };
  });
}

// A link the patient asked for from the portal, approved by staff: only approved links give
// the account access to the profile and its pushes.
export async function approveLink(ctx: Ctx, patientId: string, accountId: string, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(patientUserProfiles)
      .set({ approved: true })
      .where(
        inClinic(
          ctx,
          patientUserProfiles,
          and(eq(patientUserProfiles.patientId, patientId), eq(patientUserProfiles.patientUserId, accountId)),
        ),
      )
      .returning();
    if (!row) throw new NotFoundError("Household link");
    await recordAudit(tx, ctx, { action: "household.approved", patientId, detail: { accountId } }, now);
    return { approved: true };
  });
}

export async function unlinkAccount(ctx: Ctx, patientId: string, accountId: string, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(patientUserProfiles)
      .where(
        inClinic(
          ctx,
          patientUserProfiles,
          and(eq(patientUserProfiles.patientId, patientId), eq(patientUserProfiles.patientUserId, accountId)),
        ),
      )
      .returning();
    if (!row) throw new NotFoundError("Household link");
    await recordAudit(tx, ctx, { action: "household.unlinked", patientId, detail: { accountId, relationship: row.relationship } }, now);
    return { unlinked: true };
  });
}
