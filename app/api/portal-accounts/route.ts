// GET /api/portal-accounts?q= — the clinic's patient portal accounts by email or name.
import { staffRoute } from "@/lib/api/staff-route";
import { accountSearchSchema, searchPortalAccounts } from "@/lib/patients/household";

export const GET = staffRoute({ permission: "manage_patients", query: accountSearchSchema }, async ({ ctx, query }) => ({
  accounts: await searchPortalAccounts(ctx, query.q),
}));
