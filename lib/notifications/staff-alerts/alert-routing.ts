import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { excluded } from "@/db/excluded";
import { staffAlertPreferences, staffAlertRoutes, staffUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { InvalidInputError } from "@/lib/errors/app-errors";
import { STAFF_EVENT_TYPES } from "@/lib/notifications/event-catalog";
import { STAFF_ROUTING } from "@/lib/notifications/staff-alerts/staff-routing";
import type { AlertPreferencesInput, AlertRouteInput } from "./alert-routing-input";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "staff">;

// Every alert type's routing in this clinic: its own rule, or the default.
export async function listAlertRoutes(ctx: Ctx) {
  const [rules, staff] = await Promise.all([
    ctx.db.select().from(staffAlertRoutes).where(inClinic(ctx, staffAlertRoutes)),
    ctx.db
      .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
      .from(staffUsers)
      .where(inClinic(ctx, staffUsers, eq(staffUsers.active, true)))
      .orderBy(asc(staffUsers.name)),
  ]);
  return {
    routes: STAFF_EVENT_TYPES.map((type) => {
      const rule = rules.find((r) => r.type === type);
      return rule
        ? { type, roles: rule.roles, namedDoctor: rule.namedDoctor, staffUserIds: rule.staffUserIds, custom: true }
        : { type, ...STAFF_ROUTING[type], custom: false };
    }),
    staff,
  };
}

// One alert type's routing, replacing the default (or the clinic's earlier rule); audited.
// Named staff must be this clinic's.
export async function saveAlertRoute(ctx: Ctx, input: AlertRouteInput, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const ids = [...new Set(input.staffUserIds)];
    if (ids.length) {
      const found = await tx
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .where(inClinic(ctx, staffUsers, inArray(staffUsers.id, ids)));
      if (found.length !== ids.length)
        throw new InvalidInputError("Invalid alert routing.", { staffUserIds: ["names someone who is not on this clinic's staff"] });
    }
    const [before] = await tx
      .select()
      .from(staffAlertRoutes)
      .where(inClinic(ctx, staffAlertRoutes, eq(staffAlertRoutes.type, input.type)));
    const values = { roles: input.roles, namedDoctor: input.namedDoctor, staffUserIds: ids, updatedAt: now };
    await tx
      .insert(staffAlertRoutes)
      .values({ clinicId: ctx.clinicId, type: input.type, ...values })
      .onConflictDoUpdate({ target: [staffAlertRoutes.clinicId, staffAlertRoutes.type], set: values });
    await recordAudit(
      tx,
      ctx,
      {
        action: "alert_route.saved",
        detail: {
          type: input.type,
          before: before
            ? { roles: before.roles, namedDoctor: before.namedDoctor, staffUserIds: before.staffUserIds }
            : STAFF_ROUTING[input.type],
          after: { roles: input.roles, namedDoctor: input.namedDoctor, staffUserIds: ids },
        },
      },
      now,
    );
    return { route: { type: input.type, ...values, custom: true } };
  });
}

// The signed-in staff member's own channels per alert type (both on unless turned off).
export async function listMyAlertPreferences(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(staffAlertPreferences)
    .where(inClinic(ctx, staffAlertPreferences, eq(staffAlertPreferences.staffUserId, ctx.staff.id)));
  return {
    preferences: STAFF_EVENT_TYPES.map((type) => {
      const row = rows.find((r) => r.type === type);
      return { type, inApp: row?.inApp ?? true, webPush: row?.webPush ?? true };
    }),
  };
}

export async function saveMyAlertPreferences(ctx: Ctx, input: AlertPreferencesInput, now: Date) {
  await ctx.db
    .insert(staffAlertPreferences)
    .values(input.preferences.map((p) => ({ clinicId: ctx.clinicId, staffUserId: ctx.staff.id, ...p, updatedAt: now })))
    .onConflictDoUpdate({
      target: [staffAlertPreferences.staffUserId, staffAlertPreferences.type],
      set: { inApp: excluded("in_app"), webPush: excluded("web_push"), updatedAt: now },
    });
  return listMyAlertPreferences(ctx);
}
