import { sql } from "drizzle-orm";
import { dueReminders, sendDueReminders } from "@/lib/reminders/send-due-reminders";
import { makeAgendaAndMotif, makeClinic, makePatient } from "@/lib/testing/factories";
import { percentile, round, timeIt } from "./stats";
import type { Benchmark } from "./types";

const APPOINTMENTS = Number(process.env.BENCH_APPTS ?? 250_000); // × 4 offsets = 1,000,000 reminder rows
const DUE = 5_000;
const ROUNDS = 30;

// The reminder tick on a large table: 250,000 appointments half an hour apart over 14 years,
// each with 4 reminders (those before `now` sent, the rest scheduled), 5,000 of them due.
export const reminderTickBenchmark: Benchmark = {
  name: "reminder-tick",
  description:
    "one tick over 1,000,000 reminder rows with 5,000 due (claim, store the events, mark sent); a tick with nothing due; the claim's plan",
  async run(ctx) {
    const db = ctx.handle.db;
    const clinic = await makeClinic(db, { timeZone: "Europe/Paris" });
    const patient = await makePatient(db, clinic.id);
    const { agenda, motif } = await makeAgendaAndMotif(db, clinic.id);
    const now = new Date("2027-06-01T10:00:00Z");
    const first = new Date(now.getTime() - (APPOINTMENTS / 2) * 30 * 60_000).toISOString();
    const seeded = await timeIt(async () => {
      await db.execute(sql`
        insert into appointments (clinic_id, agenda_id, motif_id, patient_id, booking_reference, starts_at, ends_at, status)
        select ${clinic.id}, ${agenda.id}, ${motif.id}, ${patient.id}, 'R-' || g,
               ${first}::timestamptz + g * interval '30 minutes', ${first}::timestamptz + g * interval '30 minutes' + interval '20 minutes', 'confirmed'
        from generate_series(0, ${APPOINTMENTS - 1}) g`);
      await db.execute(sql`
        insert into scheduled_reminders (clinic_id, appointment_id, offset_minutes, due_at, valid_until, status, channels)
        select a.clinic_id, a.id, o.m, a.starts_at - o.m * interval '1 minute', a.starts_at,
               case when a.starts_at - o.m * interval '1 minute' <= ${now.toISOString()}::timestamptz then 'sent'::reminder_status else 'scheduled'::reminder_status end,
               '["whatsapp", "push"]'::jsonb
        from appointments a cross join (values (10080), (1440), (120), (30)) as o(m)
        where a.clinic_id = ${clinic.id}`);
      // 5,000 of the day-before reminders of appointments a few days on come due now.
      await db.execute(sql`
        update scheduled_reminders set due_at = ${now.toISOString()}::timestamptz - interval '30 seconds'
        where id in (select r.id from scheduled_reminders r join appointments a on a.id = r.appointment_id
                     where r.clinic_id = ${clinic.id} and r.status = 'scheduled' and r.offset_minutes = 1440 and a.starts_at > ${now.toISOString()}::timestamptz + interval '2 days'
                     order by a.starts_at limit ${DUE})`);
      await db.execute(sql`analyze appointments, scheduled_reminders, events`);
    });
    const [{ rows, due }] = (await db.execute(
      sql`select count(*)::int as rows, count(*) filter (where status = 'scheduled' and due_at <= ${now.toISOString()}::timestamptz)::int as due from scheduled_reminders where clinic_id = ${clinic.id}`,
    )) as unknown as { rows: number; due: number }[];

    const plan = ((await db.execute(sql`explain (analyze, buffers) ${dueReminders(db, now)}`)) as unknown as Record<string, string>[]).map(
      (r) => Object.values(r)[0],
    );
    const indexLine = plan.find((l) => l.includes("scheduled_reminders_due")) ?? plan.find((l) => l.includes("scheduled_reminders")) ?? "";
    console.log(plan.join("\n"));

    let queued = 0;
    const tick = await timeIt(() => sendDueReminders(db, now, async (ids) => void (queued += ids.length)));
    const empty: number[] = [];
    for (let i = 0; i < ROUNDS; i++) empty.push((await timeIt(() => sendDueReminders(db, now, async () => undefined))).ms);

    return {
      reminder_rows: rows,
      due,
      seed_s: round(seeded.ms / 1000),
      tick_ms: round(tick.ms),
      sent: tick.result.sent,
      handed_to_queue: queued,
      reminders_per_s: Math.round(tick.result.sent / (tick.ms / 1000)),
      empty_tick_p50_ms: round(percentile(empty, 50), 2),
      empty_tick_p95_ms: round(percentile(empty, 95), 2),
      claim_plan: indexLine.trim(),
    };
  },
};
