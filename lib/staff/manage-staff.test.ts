import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, staffUsers } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { ROLE_DEFAULT_PERMISSIONS } from "@/lib/auth/permissions";
import { loadStaffContext } from "@/lib/auth/staff-context";
import { makeClinic, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createStaff, newStaffSchema, resetStaffPassword, staffChangeSchema, updateStaff } from "./manage-staff";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("staff management", () => {
  it("adds, changes, deactivates (at once) and resets a password, every step audited; never locks the admin out", async () => {
    const clinic = await makeClinic(handle.db);
    const admin = await staffContextFor(handle.db, clinic, "admin");
    const input = newStaffSchema.parse({
      name: "Nina Roy",
      email: "Nina.Roy@example.com",
      role: "receptionist",
      password: "a long first password",
    });
    const { staff } = await createStaff(admin, input, new Date());
    expect(staff).toMatchObject({
      email: "nina.roy@example.com",
      role: "receptionist",
      permissions: [...ROLE_DEFAULT_PERMISSIONS.receptionist],
      active: true,
    });
    await expect(createStaff(admin, input, new Date())).rejects.toMatchObject({
      status: 409,
      fields: { email: ["already has an account"] },
    });

    // A new role brings its defaults; explicit permissions replace them.
    expect((await updateStaff(admin, staff.id, staffChangeSchema.parse({ role: "doctor" }), new Date())).staff.permissions).toEqual([
      ...ROLE_DEFAULT_PERMISSIONS.doctor,
    ]);
    expect(
      (await updateStaff(admin, staff.id, staffChangeSchema.parse({ permissions: ["view_patients", "send_messages"] }), new Date())).staff
        .permissions,
    ).toEqual(["view_patients", "send_messages"]);

    expect(await loadStaffContext(handle.db, staff.id)).not.toBeNull();
    await updateStaff(admin, staff.id, { active: false }, new Date());
    expect(await loadStaffContext(handle.db, staff.id)).toBeNull();

    await resetStaffPassword(admin, staff.id, { password: "another long password" }, new Date());
    const [row] = await handle.db.select().from(staffUsers).where(eq(staffUsers.id, staff.id));
    expect(await verifyPassword(row.passwordHash, "another long password")).toBe(true);

    const trail = await handle.db.select().from(auditEvents).where(eq(auditEvents.clinicId, clinic.id));
    expect(trail.map((a) => a.action)).toEqual([
      "staff.created",
      "staff.updated",
      "staff.updated",
      "staff.deactivated",
      "staff.password_reset",
    ]);
    expect(JSON.stringify(trail)).not.toContain("another long password");

    await expect(updateStaff(admin, admin.staff.id, { active: false }, new Date())).rejects.toMatchObject({
      status: 409,
      code: "self_lockout",
    });
    await expect(updateStaff(admin, admin.staff.id, { permissions: ["view_patients"] }, new Date())).rejects.toMatchObject({ status: 409 });
  });

  it("never reaches another clinic's staff, and refuses bad input naming the field", async () => {
    const clinic = await makeClinic(handle.db);
    const other = await makeClinic(handle.db);
    const admin = await staffContextFor(handle.db, clinic, "admin");
    const stranger = await staffContextFor(handle.db, other, "receptionist");
    await expect(updateStaff(admin, stranger.staff.id, { active: false }, new Date())).rejects.toMatchObject({ status: 404 });
    await expect(resetStaffPassword(admin, stranger.staff.id, { password: "a long new password" }, new Date())).rejects.toMatchObject({
      status: 404,
    });
    expect(await loadStaffContext(handle.db, stranger.staff.id)).not.toBeNull();
    const bad = newStaffSchema.safeParse({ name: "", email: "nope", role: "wizard", password: "short" });
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["email", "name", "password", "role"]);
    expect(staffChangeSchema.safeParse({ permissions: ["fly"] }).success).toBe(false);
  });
});
