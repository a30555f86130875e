import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { staffRoleEnum, staffUsers } from "@/db/schema";
import { changedFields, recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { PERMISSIONS, ROLE_DEFAULT_PERMISSIONS, toPermissions, type Permission } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { ConflictError, NotFoundError } from "@/lib/errors/app-errors";
import { databaseRefusal, UNIQUE_VIOLATION } from "@/lib/errors/database-error";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "staff">;

const password = z.string().min(12, "must be at least 12 characters").max(200, "must be at most 200 characters");
const permissionList = z.array(z.enum(PERMISSIONS, "is not a permission")).max(PERMISSIONS.length);

export const newStaffSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  email: z.email("must be an email address").transform((e) => e.toLowerCase()),
  role: z.enum(staffRoleEnum.enumValues, "is not a role"),
  password,
});
export const staffChangeSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(120).optional(),
  role: z.enum(staffRoleEnum.enumValues, "is not a role").optional(),
  // Replaces the granted permissions; a role change without it takes the new role's defaults.
  permissions: permissionList.optional(),
  active: z.boolean("must be true or false").optional(),
});
export const passwordResetSchema = z.strictObject({ password });
export const staffIdSchema = z.object({ id: z.uuid("must be a staff id") });

const columns = {
  id: staffUsers.id,
  name: staffUsers.name,
  email: staffUsers.email,
  role: staffUsers.role,
  permissions: staffUsers.permissions,
  active: staffUsers.active,
  lastSignInAt: staffUsers.lastSignInAt,
};

export async function listStaff(ctx: Ctx) {
  return { staff: await ctx.db.select(columns).from(staffUsers).where(inClinic(ctx, staffUsers)).orderBy(asc(staffUsers.name)) };
}

// A new staff member with the role's default permissions and a first password the admin hands
// over; one account per address across the platform (sign-in finds the clinic by it).
export async function createStaff(ctx: Ctx, input: z.output<typeof newStaffSchema>, now: Date) {
  const passwordHash = await hashPassword(input.password);
  return ctx.db
    .transaction(async (tx) => {
      const [created] = await tx
        .insert(staffUsers)
        .values({
          clinicId: ctx.clinicId,
          name: input.name,
          email: input.email,
          role: input.role,
          passwordHash,
          permissions: [...ROLE_DEFAULT_PERMISSIONS[input.role]],
          createdAt: now,
          updatedAt: now,
        })
        .returning(columns);
      await recordAudit(tx, ctx, { action: "staff.created", detail: { staffId: created.id, name: created.name, role: created.role } }, now);
      return { staff: created };
    })
    .catch((error: unknown) => {
      if (databaseRefusal(error)?.code === UNIQUE_VIOLATION)
        throw new ConflictError("email_taken", "This email address already has an account.", { email: ["already has an account"] });
      throw error;
    });
}

// Role, permissions, name or active. Deactivating takes effect at once: every request re-reads
// the row. An admin cannot lock themself out (deactivate themself or drop their manage_staff).
export async function updateStaff(ctx: Ctx, staffId: string, change: z.output<typeof staffChangeSchema>, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(staffUsers)
      .where(inClinic(ctx, staffUsers, eq(staffUsers.id, staffId)))
      .for("update");
    if (!before) throw new NotFoundError("Staff member");
    const permissions: Permission[] | undefined = change.permissions
      ? [...new Set(change.permissions)]
      : change.role && change.role !== before.role
        ? [...ROLE_DEFAULT_PERMISSIONS[change.role]]
        : undefined;
    if (staffId === ctx.staff.id && (change.active === false || (permissions && !permissions.includes("manage_staff")))) {
      throw new ConflictError(
        "self_lockout",
        "You cannot deactivate yourself or remove your own right to manage staff: ask another admin.",
      );
    }
    const [after] = await tx
      .update(staffUsers)
      .set({
        ...(change.name ? { name: change.name } : {}),
        ...(change.role ? { role: change.role } : {}),
        ...(permissions ? { permissions } : {}),
        ...(change.active !== undefined ? { active: change.active } : {}),
        updatedAt: now,
      })
      .where(inClinic(ctx, staffUsers, eq(staffUsers.id, staffId)))
      .returning();
    const changes = changedFields(
      { ...before, permissions: toPermissions(before.permissions).join(",") },
      { ...after, permissions: toPermissions(after.permissions).join(",") },
      ["name", "role", "permissions", "active"],
    );
    if (Object.keys(changes).length)
      await recordAudit(
        tx,
        ctx,
        {
          action: change.active === false && before.active ? "staff.deactivated" : "staff.updated",
          detail: { staffId, name: after.name, ...changes },
        },
        now,
      );
    return {
      staff: {
        id: after.id,
        name: after.name,
        email: after.email,
        role: after.role,
        permissions: after.permissions,
        active: after.active,
        lastSignInAt: after.lastSignInAt,
      },
    };
  });
}

// A new password set by an admin (audited; never the password itself).
export async function resetStaffPassword(ctx: Ctx, staffId: string, input: z.output<typeof passwordResetSchema>, now: Date) {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(staffUsers)
      .set({ passwordHash, updatedAt: now })
      .where(inClinic(ctx, staffUsers, eq(staffUsers.id, staffId)))
      .returning({ id: staffUsers.id, name: staffUsers.name });
    if (!updated) throw new NotFoundError("Staff member");
    await recordAudit(tx, ctx, { action: "staff.password_reset", detail: { staffId, name: updated.name } }, now);
    return { reset: true };
  });
}
