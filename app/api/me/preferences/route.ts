// GET /api/me/preferences — the signed-in staff member's own preferences.
// PATCH — change some of them (any signed-in staff member, for themself only).
import { staffRoute } from "@/lib/api/staff-route";
import { staffPreferencesChangeSchema } from "@/lib/auth/preferences-schema";
import { updateMyPreferences } from "@/lib/auth/update-preferences";

export const GET = staffRoute({}, async ({ ctx }) => ({ preferences: ctx.preferences }));

export const PATCH = staffRoute({ body: staffPreferencesChangeSchema }, async ({ ctx, body }) => ({
  preferences: await updateMyPreferences(ctx, body, new Date()),
}));
