import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppointmentActions } from "@/components/appointments/appointment-actions";
import { ScheduledNotifications } from "@/components/appointments/scheduled-notifications";
import { StatusBadge } from "@/components/appointments/status-badge";
import { WhyNotSection } from "@/components/support/why-not";
import { PageHeader } from "@/components/ui/page-header";
import { getAppointment } from "@/lib/appointments/list-appointments";
import { remindersOf } from "@/lib/reminders/reminders-of";
import { seriesPlace } from "@/lib/appointments/series-place";
import { reminderReach, type ReminderReach } from "@/lib/reminders/reminder-reach";
import { appointmentIdSchema } from "@/lib/appointments/schemas";
import { can, requireStaffForPage } from "@/lib/auth/staff-context";
import { NotFoundError } from "@/lib/errors/app-errors";
import { explainAppointment } from "@/lib/support/why-not";
import { clinicLocalDateTime } from "@/lib/time/clinic-time";

async function load(id: string) {
  const ctx = await requireStaffForPage("view_patients");
  const parsed = appointmentIdSchema.safeParse({ id });
  if (!parsed.success) notFound();
  try {
    return { ctx, appointment: await getAppointment(ctx, parsed.data.id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata() {
  return { title: (await getTranslations("appointment"))("title") };
}

// None of the reminders still to go out can reach the patient: say why, and what would.
async function ReachWarning({ reach, patient }: { reach: ReminderReach; patient: string }) {
  const t = await getTranslations("appointment.reach");
  const tChannel = await getTranslations("channels");
  const tSkip = await getTranslations("skipReasons");
  const format = await getFormatter();
  const names = (channels: string[]) =>
    format.list(
      channels.map((c) => tChannel(c)),
      { type: "disjunction" },
    );
  return (
    <div className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200" data-testid="reach-warning">
      <p className="font-medium">{t("title", { patient })}</p>
      <ul className="mt-1 list-disc pl-5">
        {reach.unreachable.map((u) => (
          <li key={u.channel}>
            {tChannel(u.channel)}: {tSkip(u.reason)}
          </li>
        ))}
      </ul>
      <p className="mt-1">{reach.instead.length ? t("instead", { channels: names(reach.instead) }) : t("nothing")}</p>
    </div>
  );
}

// One appointment: who, when, where, its status and actions, its scheduled notifications, and
// (for those who may read the log) every notification decided for it and why.
export default async function AppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, appointment: a } = await load((await params).id);
  const [reminderMap, explained, series] = await Promise.all([
    remindersOf(ctx, [a.id]),
    can(ctx, "view_deliveries") ? explainAppointment(ctx, a.id) : null,
    seriesPlace(ctx, a),
  ]);
  const reminders = reminderMap.get(a.id) ?? [];
  const reach = await reminderReach(ctx, a.patientId, reminders, new Date());
  const t = await getTranslations("appointment");
  const tReminders = await getTranslations("reminders");
  const format = await getFormatter();
  const { timeZone } = ctx.clinic;
  const when = format.dateTime(a.startsAt, { dateStyle: "full", timeStyle: "short", timeZone });
  const patient = `${a.patientFirstName} ${a.patientName.toUpperCase()}`;

  return (
    <>
      <PageHeader title={t("heading", { patient, when })}>
        <StatusBadge status={a.status} />
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="appointment-details" className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 id="appointment-details" className="mb-3 font-semibold">
            {t("details")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("patient")}</dt>
            <dd>
              <Link href={`/patients/${a.patientId}`} className="font-medium text-brand-700 hover:underline">
                {patient}
              </Link>
            </dd>
            <dt className="text-slate-600">{t("when")}</dt>
            <dd className="tabular-nums" data-testid="appointment-when">
              {when}
            </dd>
            <dt className="text-slate-600">{t("agenda")}</dt>
            <dd>{a.agendaName}</dd>
            <dt className="text-slate-600">{t("visitReason")}</dt>
            <dd>{a.motifName}</dd>
            <dt className="text-slate-600">{t("reference")}</dt>
            <dd className="font-mono text-xs">{a.bookingReference}</dd>
            {series ? (
              <>
                <dt className="text-slate-600">{t("series")}</dt>
                <dd data-testid="appointment-series">
                  {t("seriesValue", {
                    position: series.position,
                    total: series.total,
                    last: format.dateTime(series.lastStartsAt, { dateStyle: "medium", timeZone }),
                  })}
                </dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("bookedBy")}</dt>
            <dd>{t(`bookedByValues.${a.bookedBy}`)}</dd>
            {a.notes ? (
              <>
                <dt className="text-slate-600">{t("notes")}</dt>
                <dd className="whitespace-pre-line">{a.notes}</dd>
              </>
            ) : null}
            {a.cancellationReason ? (
              <>
                <dt className="text-slate-600">{t("cancellationReason")}</dt>
                <dd>{a.cancellationReason}</dd>
              </>
            ) : null}
          </dl>
          {can(ctx, "manage_appointments") ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <AppointmentActions
                id={a.id}
                status={a.status}
                localStart={clinicLocalDateTime(a.startsAt, timeZone)}
                label={`${when} ${patient}`}
                slotsFor={{ agendaId: a.agendaId, visitReasonId: a.motifId }}
                followingInSeries={series?.following ?? 0}
              />
            </div>
          ) : null}
        </section>
        <section aria-labelledby="appointment-reminders" className="rounded-lg bg-white p-5 ring-1 ring-slate-200 lg:col-span-2">
          <h2 id="appointment-reminders" className="mb-1 font-semibold">
            {tReminders("label")}
          </h2>
          <p className="mb-2 text-xs text-slate-600">{t("clinicTime", { timeZone })}</p>
          {reach ? <ReachWarning reach={reach} patient={patient} /> : null}
          <ScheduledNotifications reminders={reminders} timeZone={timeZone} />
        </section>
        {explained ? (
          <WhyNotSection
            id="appointment-why-not"
            about="forAppointment"
            items={explained}
            timeZone={timeZone}
            className="rounded-lg bg-white p-5 ring-1 ring-slate-200 lg:col-span-3"
          />
        ) : null}
      </div>
    </>
  );
}
