// PATCH /api/staff/:id — role, permissions, name, or deactivate (effective at once; audited).
import { staffRoute } from "@/lib/api/staff-route";
import { staffChangeSchema, staffIdSchema, updateStaff } from "@/lib/staff/manage-staff";

export const PATCH = staffRoute({ permission: "manage_staff", params: staffIdSchema, body: staffChangeSchema }, ({ ctx, params, body }) =>
  updateStaff(ctx, params.id, body, new Date()),
);
