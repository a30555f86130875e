import "server-only";
import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { deliveries, type Channel } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// What the chart shows of a delivery's status: where it ended up.
export const OUTCOMES = ["sent", "delivered", "read", "failed", "skipped"] as const;
export type Outcome = (typeof OUTCOMES)[number];
const OUTCOME_OF: Record<string, Outcome | undefined> = {
  sent: "sent",
  sending: "sent",
  delivered: "delivered",
  read: "read",
  failed: "failed",
  bounced: "failed",
  skipped: "skipped",
};

export type DayOutcomes = { day: string } & Record<Outcome, number>;

// Patient and staff deliveries of the last `days` clinic days, per channel and day, by outcome:
// one grouped query over (clinic, created_at), the index the log already uses.
export async function outcomesByDay(ctx: Ctx, now: Date, days = 14): Promise<{ channel: Channel; days: DayOutcomes[] }[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await executeRows<{ day: string; channel: Channel; status: string; n: number }>(
    ctx.db,
    sql`select to_char(${deliveries.createdAt} at time zone ${ctx.clinic.timeZone}, 'YYYY-MM-DD') as day, ${deliveries.channel} as channel, ${deliveries.status} as status, count(*)::int as n
        from ${deliveries} where ${deliveries.clinicId} = ${ctx.clinicId} and ${deliveries.createdAt} >= ${since.toISOString()}::timestamptz
        group by 1, 2, 3 order by 1`,
  );
  const dayList = Array.from({ length: days + 1 }, (_, i) =>
    new Date(since.getTime() + i * 86_400_000).toLocaleDateString("en-CA", { timeZone: ctx.clinic.timeZone }),
  );
  const byChannel = new Map<Channel, Map<string, DayOutcomes>>();
  for (const r of rows) {
    const outcome = OUTCOME_OF[r.status];
    if (!outcome) continue;
    let channelDays = byChannel.get(r.channel);
    if (!channelDays)
      byChannel.set(
        r.channel,
        (channelDays = new Map(dayList.map((day) => [day, { day, sent: 0, delivered: 0, read: 0, failed: 0, skipped: 0 }]))),
      );
    const entry = channelDays.get(r.day);
    if (entry) entry[outcome] += Number(r.n);
  }
  return [...byChannel].map(([channel, m]) => ({ channel, days: [...m.values()] }));
}
