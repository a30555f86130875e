import "server-only";
import { and, eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb, type Database } from "@/db/client";
import { clinics, staffUsers, type Clinic, type StaffRole } from "@/db/schema";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors/app-errors";
import { authOptions } from "./options";
import { toPermissions, type Permission } from "./permissions";
import type { StaffPreferences } from "./preferences-schema";

// Everything a server action, page or route needs to act for a staff member. Domain
// functions take this instead of a raw clinic id, so the clinic always comes from the session.
export type StaffContext = {
  db: Database;
  clinicId: string;
  clinic: Pick<Clinic, "id" | "name" | "timeZone" | "country" | "defaultLanguage">;
  staff: { id: string; name: string; email: string; role: StaffRole };
  // The staff member's own settings ("My preferences"), read with the row on every request.
  preferences: StaffPreferences;
  permissions: ReadonlySet<Permission>;
};

export async function loadStaffContext(db: Database, staffId: string): Promise<StaffContext | null> {
  const [row] = await db
    .select({ staff: staffUsers, clinic: clinics })
    .from(staffUsers)
    .innerJoin(clinics, eq(clinics.id, staffUsers.clinicId))
    .where(and(eq(staffUsers.id, staffId), eq(staffUsers.active, true)))
    .limit(1);
  if (!row) return null;
  const { staff, clinic } = row;
  return {
    db,
    clinicId: clinic.id,
    clinic: {
      id: clinic.id,
      name: clinic.name,
      timeZone: clinic.timeZone,
      country: clinic.country,
      defaultLanguage: clinic.defaultLanguage,
    },
    staff: { id: staff.id, name: staff.name, email: staff.email, role: staff.role },
    preferences: { keyboardShortcuts: staff.keyboardShortcuts },
    permissions: new Set(toPermissions(staff.permissions)),
  };
}

// Re-reads the staff row on every request: a deactivated account or a revoked
// permission takes effect at once, not when the session cookie expires.
export async function currentStaff(): Promise<StaffContext | null> {
  const session = await getServerSession(authOptions);
  if (!session?.staff?.id) return null;
  return loadStaffContext(getDb(), session.staff.id);
}

export function can(ctx: StaffContext, permission: Permission): boolean {
  return ctx.permissions.has(permission);
}

export function assertCan(ctx: StaffContext, permission: Permission): void {
  if (!can(ctx, permission)) {
    throw new ForbiddenError(`This needs the "${permission}" permission.`);
  }
}

// For API routes: no session is a 401.
export async function requireStaffForApi(permission?: Permission): Promise<StaffContext> {
  const ctx = await currentStaff();
  if (!ctx) throw new UnauthenticatedError();
  if (permission) assertCan(ctx, permission);
  return ctx;
}

// For pages: no session goes to the sign-in page; a missing permission shows the 403 page.
export async function requireStaffForPage(permission?: Permission): Promise<StaffContext> {
  const ctx = await currentStaff();
  if (!ctx) redirect("/sign-in");
  if (permission && !can(ctx, permission)) redirect(`/forbidden?need=${permission}`);
  return ctx;
}
