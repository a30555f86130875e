// POST /api/patients/:id/household — link this profile to a portal account (a guardian's),
// approved at once; audited.
import { staffRoute } from "@/lib/api/staff-route";
import { householdLinkSchema, linkToAccount } from "@/lib/patients/household";
import { patientIdSchema } from "@/lib/patients/schemas";

export const POST = staffRoute(
  { permission: "manage_patients", params: patientIdSchema, body: householdLinkSchema },
  ({ ctx, params, body }) => linkToAccount(ctx, params.id, body, new Date()),
);
