import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { staffNotifications } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { NotFoundError } from "@/lib/errors/app-errors";
import { encodeCursor } from "@/lib/paging/cursor";
import type { AlertListQuery } from "./alert-input";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "staff">;

const own = (ctx: Ctx) => inClinic(ctx, staffNotifications, eq(staffNotifications.staffUserId, ctx.staff.id));

// A staff member's alerts (the in-app channel), newest first, with the unread count the bell shows.
export async function listMyAlerts(ctx: Ctx, query: AlertListQuery) {
  const [rows, [{ unread }]] = await Promise.all([
    ctx.db
      .select({
        id: staffNotifications.id,
        type: staffNotifications.type,
        title: staffNotifications.title,
        body: staffNotifications.body,
        link: staffNotifications.link,
        readAt: staffNotifications.readAt,
        createdAt: staffNotifications.createdAt,
      })
      .from(staffNotifications)
      .where(
        and(
          own(ctx),
          query.unread ? isNull(staffNotifications.readAt) : undefined,
          query.cursor
            ? sql`(${staffNotifications.createdAt}, ${staffNotifications.id}) < (${query.cursor[0]}::timestamptz, ${query.cursor[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(staffNotifications.createdAt), desc(staffNotifications.id))
      .limit(query.limit + 1),
    ctx.db
      .select({ unread: count() })
      .from(staffNotifications)
      .where(and(own(ctx), isNull(staffNotifications.readAt))),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    alerts: page,
    unread,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

// Read or unread again; only one's own alerts (another's is not found).
export async function markAlert(ctx: Ctx, alertId: string, read: boolean, now: Date) {
  const [row] = await ctx.db
    .update(staffNotifications)
    .set({ readAt: read ? now : null })
    .where(and(own(ctx), eq(staffNotifications.id, alertId)))
    .returning({ id: staffNotifications.id, readAt: staffNotifications.readAt });
  if (!row) throw new NotFoundError("Alert");
  return { alert: row };
}

export async function markAllAlertsRead(ctx: Ctx, now: Date) {
  const rows = await ctx.db
    .update(staffNotifications)
    .set({ readAt: now })
    .where(and(own(ctx), isNull(staffNotifications.readAt)))
    .returning({ id: staffNotifications.id });
  return { marked: rows.length };
}
