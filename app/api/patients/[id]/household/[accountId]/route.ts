// PATCH /api/patients/:id/household/:accountId — approve a link the patient asked for.
// DELETE — remove the link (the account no longer sees this profile). Both audited.
import { z } from "zod";
import { staffRoute } from "@/lib/api/staff-route";
import { approveLink, householdMemberSchema, unlinkAccount } from "@/lib/patients/household";

const approval = z.strictObject({ approved: z.literal(true, "must be true (to remove a link, DELETE it)") });

export const PATCH = staffRoute({ permission: "manage_patients", params: householdMemberSchema, body: approval }, ({ ctx, params }) =>
  approveLink(ctx, params.id, params.accountId, new Date()),
);

export const DELETE = staffRoute({ permission: "manage_patients", params: householdMemberSchema }, ({ ctx, params }) =>
  unlinkAccount(ctx, params.id, params.accountId, new Date()),
);
