// POST /api/staff/:id/password — an admin sets a new password for a staff member (audited).
import { staffRoute } from "@/lib/api/staff-route";
import { passwordResetSchema, resetStaffPassword, staffIdSchema } from "@/lib/staff/manage-staff";

export const POST = staffRoute({ permission: "manage_staff", params: staffIdSchema, body: passwordResetSchema }, ({ ctx, params, body }) =>
  resetStaffPassword(ctx, params.id, body, new Date()),
);
