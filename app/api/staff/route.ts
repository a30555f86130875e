// GET /api/staff — the clinic's staff. POST — add a staff member (admins with manage_staff, audited).
import { staffRoute } from "@/lib/api/staff-route";
import { createStaff, listStaff, newStaffSchema } from "@/lib/staff/manage-staff";

export const GET = staffRoute({ permission: "manage_staff" }, ({ ctx }) => listStaff(ctx));

export const POST = staffRoute({ permission: "manage_staff", body: newStaffSchema }, ({ ctx, body }) => createStaff(ctx, body, new Date()));
